import { describe, expect, it } from "vitest";
import { loadDemoEstate } from "../estate/load";
import {
  backfillWindow,
  DEMO_INCIDENTS,
  incidentSpan,
  planChanges,
  planHours,
} from "./demo-history-plan";
import { availabilityPercent, HOUR_MS } from "./history-buckets";
import { simulatedLatency } from "./sources/simulated";

const now = new Date("2026-03-10T12:34:56Z");
const estate = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 });
const roles = {
  id: "contoso-edi.roles",
  intervalMs: 30_000,
  spec: { latencyMs: 85, jitterMs: 40 },
};

describe("demo incidents", () => {
  it("are on components of the demo estate, last 1 to 6 hours, and all end before the current hour", () => {
    const ids = new Set(estate.components.map((c) => c.id));
    const { from, to } = backfillWindow(now);
    expect(new Date(to).toISOString()).toBe("2026-03-10T12:00:00.000Z");
    for (const incident of DEMO_INCIDENTS) {
      expect(ids.has(incident.componentId), incident.componentId).toBe(true);
      expect(incident.minutes).toBeGreaterThanOrEqual(60);
      expect(incident.minutes).toBeLessThanOrEqual(360);
      const { start, end } = incidentSpan(incident, now);
      expect(start).toBeGreaterThan(from);
      expect(end).toBeLessThan(to);
    }
    expect(new Set(DEMO_INCIDENTS.map((i) => i.componentId)).size).toBe(DEMO_INCIDENTS.length);
    expect(new Set(DEMO_INCIDENTS.map((i) => i.status))).toEqual(
      new Set(["degraded_performance", "partial_outage", "major_outage"]),
    );
  });

  it("each give a change into the incident and one back to operational", () => {
    const changes = planChanges(new Set(["contoso-edi.roles", "contoso-edi.acs"]), now);
    expect(changes.map((c) => [c.fromStatus, c.toStatus])).toEqual([
      ["operational", "partial_outage"],
      ["partial_outage", "operational"],
    ]);
    expect(changes[1]!.at.getTime() - changes[0]!.at.getTime()).toBe(95 * 60_000);
  });
});

describe("planHours", () => {
  const rows = planHours(roles, DEMO_INCIDENTS, now);

  it("covers 90 days of whole hours before the current one, at the component's sampling rate", () => {
    expect(rows).toHaveLength(90 * 24);
    expect(rows[0]!.bucket.toISOString()).toBe("2025-12-10T12:00:00.000Z");
    expect(rows.at(-1)!.bucket.toISOString()).toBe("2026-03-10T11:00:00.000Z");
    expect(rows.every((r) => r.samples === 120 && r.up + r.degraded + r.down === 120)).toBe(true);
  });

  it("takes its latency from the simulated source's deterministic function", () => {
    const first = rows[0]!;
    const draw = simulatedLatency(roles.spec, roles.id, new Date(first.bucket.getTime() + 7_000));
    expect(first.latencyMax).toBeGreaterThanOrEqual(draw);
    expect(first.latencySum / first.latencyCount).toBeGreaterThanOrEqual(45);
    expect(first.latencySum / first.latencyCount).toBeLessThanOrEqual(125);
    expect(planHours(roles, DEMO_INCIDENTS, now)).toEqual(rows);
  });

  it("folds the incident into the hours it overlaps, in proportion, and leaves the rest green", () => {
    const { start, end } = incidentSpan(DEMO_INCIDENTS[0]!, now);
    const hit = rows.filter((r) => r.worst !== "operational");
    expect(hit.map((r) => r.bucket.getTime())).toEqual([
      Math.floor(start / HOUR_MS) * HOUR_MS,
      Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS,
    ]);
    expect(Math.floor(end / HOUR_MS) * HOUR_MS).toBe(hit[1]!.bucket.getTime());
    // 09:12 to 10:47: 48 of 60 minutes down in the first hour, 47 in the second.
    expect(hit.map((r) => r.down)).toEqual([96, 94]);
    expect(hit.every((r) => r.worst === "partial_outage")).toBe(true);
    expect(
      rows.filter((r) => r.worst === "operational").every((r) => availabilityPercent(r) === 100),
    ).toBe(true);
  });
});
