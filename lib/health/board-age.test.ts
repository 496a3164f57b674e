import { describe, expect, it } from "vitest";
import { loadDemoEstate } from "../estate/load";
import type { Estate } from "../estate/types";
import { ageLiveBoard } from "./board-age";
import { buildBoardView, type StoredStatus } from "./board";
import { toLiveBoard } from "./board-types";

const t0 = new Date("2026-11-24T12:00:00Z");
const estate: Estate = { ...loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }), version: 1 };
const LIMIT = 90_000;
const reading = (
  status: StoredStatus["status"],
  agoMs: number,
  extra: Partial<StoredStatus> = {},
) =>
  ({
    status,
    reason: null,
    since: new Date(t0.getTime() - 3_600_000),
    checkedAt: new Date(t0.getTime() - agoMs),
    attemptError: null,
    latencyMs: 20,
    detail: null,
    ...extra,
  }) satisfies StoredStatus;
const running = { running: true, lastBeatAt: t0, beatEveryMs: 5_000 };

function statuses() {
  const map = new Map(estate.components.map((c) => [c.id, reading("operational", 5_000)]));
  map.set("contoso-edi.storage", reading("operational", 30_000));
  map.set(
    "northwind-dev.acs",
    reading("operational", 20_000, {
      attemptAt: new Date(t0.getTime() - 2_000),
      attemptError: "no answer within 5000 ms",
    }),
  );
  map.set("fabrikam-b2b.storage", reading("major_outage", 10_000));
  return map;
}
const serverAt = (at: Date) => toLiveBoard(buildBoardView(estate, statuses(), running, at, 5_000));
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("the browser's copy of the board as it ages", () => {
  it("is the same object while every reading is fresh, so nothing redraws", () => {
    const view = serverAt(t0);
    expect(ageLiveBoard(view, later(10_000).getTime())).toBe(view);
  });

  it("turns each component unknown once its own reading passes its limit", () => {
    const view = serverAt(t0);
    // contoso-edi.storage was read 30 s before t0: stale 60 s after it, before the others.
    const one = ageLiveBoard(view, later(LIMIT - 30_000 + 1_000).getTime());
    expect(one.components["contoso-edi.storage"]).toMatchObject({
      status: "unknown",
      stale: true,
      reason: "no fresh data for 91 s",
      since: new Date(t0.getTime() - 30_000 + LIMIT).toISOString(),
    });
    expect(one.components["contoso-edi.roles"]!.status).toBe("operational");
    expect(one.services.find((s) => s.id === "contoso-edi")!.status).toBe("unknown");
    expect(one.regions.find((r) => r.id === "westeurope")!.status).toBe("unknown");
    // A known outage elsewhere still outranks unknown.
    expect(one.overall.indicator).toBe("critical");
    expect(one.counts.unknown).toBe(1);
  });

  it("agrees with the server rebuilding the board at the same time", () => {
    for (const ms of [65_000, 75_000, 95_000, 300_000]) {
      const aged = ageLiveBoard(serverAt(t0), later(ms).getTime());
      const rebuilt = serverAt(later(ms));
      expect({ ...aged, generatedAt: rebuilt.generatedAt, store: rebuilt.store }, `${ms}`).toEqual(
        rebuilt,
      );
    }
  });

  it("keeps the age ticking in the reason, with why the last read failed", () => {
    const view = serverAt(t0);
    const a = ageLiveBoard(view, later(80_000).getTime());
    const b = ageLiveBoard(a, later(81_000).getTime());
    expect(a.components["northwind-dev.acs"]!.reason).toBe(
      "no fresh data for 100 s; last read failed: no answer within 5000 ms",
    );
    expect(b.components["northwind-dev.acs"]!.reason).toMatch(/^no fresh data for 101 s;/);
    // Once everything is stale, nothing claims a status: the board is unknown.
    const all = ageLiveBoard(view, later(600_000).getTime());
    expect(all.overall).toEqual({ indicator: "unknown", description: "Status Unknown" });
    expect(all.counts.operational).toBe(0);
  });
});
