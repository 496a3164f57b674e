import { describe, expect, it } from "vitest";
import {
  effectiveStatus,
  overallIndicator,
  rollUpInstances,
  rollUpService,
  type ComponentHealth,
  type StatusRecord,
} from "./rollup";
import { worstOf, type Status } from "../status/vocabulary";

const inst = (...statuses: Status[]) => statuses.map((status, i) => ({ name: `IN_${i}`, status }));

describe("role instances", () => {
  it("is operational when every instance is", () => {
    expect(rollUpInstances(inst("operational", "operational"))).toMatchObject({
      status: "operational",
      up: 2,
      total: 2,
    });
  });
  it("losing one of N>1 is a partial outage, naming the instance", () => {
    const r = rollUpInstances(inst("operational", "major_outage", "operational", "operational"));
    expect(r).toMatchObject({ status: "partial_outage", up: 3, total: 4 });
    expect(r.reason).toBe("1 of 4 instances down: IN_1");
  });
  it("losing all is a major outage", () => {
    expect(rollUpInstances(inst("major_outage", "partial_outage")).status).toBe("major_outage");
  });
  it("a single instance down is a major outage (no HA on the developer edition)", () => {
    expect(rollUpInstances(inst("major_outage")).status).toBe("major_outage");
  });
  it("a degraded instance degrades the group", () => {
    expect(rollUpInstances(inst("operational", "degraded_performance")).status).toBe(
      "degraded_performance",
    );
  });
  it("an instance that did not report keeps the group from being green", () => {
    const r = rollUpInstances(inst("operational", "unknown"));
    expect(r.status).toBe("unknown");
    expect(r.reason).toMatch(/1 of 2 instances did not report/);
  });
  it("a known problem outranks an unknown instance", () => {
    expect(rollUpInstances(inst("major_outage", "unknown", "operational")).status).toBe(
      "partial_outage",
    );
  });
  it("no instances at all is unknown", () => {
    expect(rollUpInstances([]).status).toBe("unknown");
  });
});

describe("staleness", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  const record = (ageMs: number, extra: Partial<StatusRecord> = {}): StatusRecord => ({
    status: "operational",
    reason: null,
    since: new Date(now.getTime() - 3_600_000),
    checkedAt: new Date(now.getTime() - ageMs),
    attemptError: null,
    ...extra,
  });

  it("keeps the recorded status while the newest reading is fresh", () => {
    expect(effectiveStatus(record(89_000), 90_000, now)).toMatchObject({
      status: "operational",
      stale: false,
    });
  });
  it("turns unknown past the limit, with the age and since when", () => {
    const e = effectiveStatus(record(120_000), 90_000, now);
    expect(e.status).toBe("unknown");
    expect(e.stale).toBe(true);
    expect(e.reason).toBe("no fresh data for 2 min");
    expect(e.since?.toISOString()).toBe("2026-11-24T11:59:30.000Z");
  });
  it("says why the last read failed", () => {
    const e = effectiveStatus(
      record(600_000, { attemptError: "timed out after 5 s" }),
      90_000,
      now,
    );
    expect(e.reason).toBe("no fresh data for 10 min; last read failed: timed out after 5 s");
  });
  it("never read is unknown", () => {
    expect(effectiveStatus(undefined, 90_000, now)).toMatchObject({
      status: "unknown",
      reason: "not read yet",
    });
  });
  it("a stale outage is unknown too: old news is not news", () => {
    expect(effectiveStatus(record(100_000, { status: "major_outage" }), 90_000, now).status).toBe(
      "unknown",
    );
  });
});

describe("service roll-up", () => {
  const c = (id: string, kind: ComponentHealth["kind"], status: Status): ComponentHealth => ({
    id,
    name: id,
    kind,
    status,
  });
  const deps = (
    db: Status = "operational",
    st: Status = "operational",
    acs: Status = "operational",
  ) => [c("db", "tracking-database", db), c("st", "storage", st), c("acs", "access-control", acs)];

  it("is operational when everything is", () => {
    expect(rollUpService(c("r", "role-instances", "operational"), deps())).toEqual({
      status: "operational",
      reason: null,
      impactedBy: [],
    });
  });
  it("is as bad as its role instances", () => {
    expect(rollUpService(c("r", "role-instances", "partial_outage"), deps()).status).toBe(
      "partial_outage",
    );
  });
  it("a failing dependency's status is the service's, impacted by it, and says so", () => {
    const s = rollUpService(c("r", "role-instances", "operational"), deps("major_outage"));
    expect(s.status).toBe("major_outage");
    expect(s.impactedBy).toEqual(["db"]);
    expect(s.reason).toBe("Impacted by tracking database db (major outage)");
    expect(
      rollUpService(c("r", "role-instances", "operational"), deps("operational", "partial_outage"))
        .status,
    ).toBe("partial_outage");
    expect(
      rollUpService(c("r", "role-instances", "operational"), deps("degraded_performance")).status,
    ).toBe("degraded_performance");
  });
  it("a dependency's planned maintenance is not the service's", () => {
    expect(
      rollUpService(c("r", "role-instances", "operational"), deps("under_maintenance")).status,
    ).toBe("operational");
  });
  it("a service that is not serving is judged by its dependencies alone", () => {
    expect(rollUpService(null, deps())).toEqual({
      status: "operational",
      reason: null,
      impactedBy: [],
    });
    expect(rollUpService(null, deps("operational", "major_outage"))).toMatchObject({
      status: "major_outage",
      impactedBy: ["st"],
    });
  });
  it("a dependency outage does not hide a worse role outage", () => {
    expect(
      rollUpService(c("r", "role-instances", "major_outage"), deps("degraded_performance")).status,
    ).toBe("major_outage");
  });
  it("an unknown dependency keeps it from claiming operational", () => {
    const s = rollUpService(
      c("r", "role-instances", "operational"),
      deps("operational", "operational", "unknown"),
    );
    expect(s.status).toBe("unknown");
    expect(s.reason).toBe("No fresh data from acs");
  });
  it("missing role instances are unknown", () => {
    expect(rollUpService(undefined, deps()).status).toBe("unknown");
  });
});

describe("region and overall", () => {
  it("worstOf ranks known problems over unknown over green", () => {
    expect(worstOf(["operational", "unknown"])).toBe("unknown");
    expect(worstOf(["unknown", "degraded_performance"])).toBe("degraded_performance");
    expect(worstOf(["under_maintenance", "operational"])).toBe("under_maintenance");
    expect(worstOf([])).toBe("unknown");
  });
  it.each([
    [["operational"], "none", "All Systems Operational"],
    [["operational", "degraded_performance"], "minor", "Minor Service Outage"],
    [["partial_outage", "degraded_performance"], "major", "Partial System Outage"],
    [["major_outage", "unknown"], "critical", "Major System Outage"],
    [["operational", "under_maintenance"], "maintenance", "Service Under Maintenance"],
    [["operational", "unknown"], "unknown", "Status Unknown"],
    [[], "unknown", "Status Unknown"],
  ] as [Status[], string, string][])("%j -> %s", (statuses, indicator, description) => {
    expect(overallIndicator(statuses)).toEqual({ indicator, description });
  });
  it("a stopped poller is never all green", () => {
    expect(overallIndicator(["operational"], false).indicator).toBe("unknown");
  });
  it("while the store cannot be read, says so and claims nothing as current", () => {
    const store = {
      readAt: "2026-11-24T10:42:05.120Z",
      unreachableSince: "2026-11-24T10:42:06.900Z",
    };
    expect(overallIndicator(["operational"], true, store)).toEqual({
      indicator: "none",
      description:
        "Last known status, as of 10:42:05 UTC: all systems operational; the status store cannot be read since 10:42:06 UTC",
    });
    expect(overallIndicator(["operational", "unknown"], true, store)).toEqual({
      indicator: "unknown",
      description: "Status unknown: the status store cannot be read since 10:42:06 UTC",
    });
    expect(
      overallIndicator(["operational"], true, { ...store, unreachableSince: null }).description,
    ).toBe("All Systems Operational");
  });
});
