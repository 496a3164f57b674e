import { describe, expect, it } from "vitest";
import { loadDemoEstate } from "../estate/load";
import type { Estate } from "../estate/types";
import { buildBoardView, type StoredStatus } from "./board";

const now = new Date("2026-11-24T12:00:00Z");
const estate: Estate = { ...loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }), version: 1 };
const running = { running: true, lastBeatAt: now, beatEveryMs: 5_000 };
const reading = (status: StoredStatus["status"], checkedAt: Date): StoredStatus => ({
  status,
  reason: null,
  since: new Date(checkedAt.getTime() - 600_000),
  checkedAt,
  attemptError: null,
  latencyMs: 20,
  detail: null,
});
const allOperational = () =>
  new Map(estate.components.map((c) => [c.id, reading("operational", now)]));
/** The same board made with nothing kept from before: a copy of the estate shares no memo. */
const fromScratch = (statuses: Map<string, StoredStatus>, at: Date) =>
  buildBoardView(structuredClone(estate), statuses, running, at, 5_000);

describe("board view kept between builds", () => {
  it("turns a reading unknown once it passes its limit, though the reading is the same object", () => {
    const statuses = allOperational();
    const first = buildBoardView(estate, statuses, running, now, 5_000);
    const id = estate.components[0]!.id;
    expect(first.components[id]).toMatchObject({ status: "operational", stale: false });
    const later = new Date(now.getTime() + estate.components[0]!.staleAfterMs + 1_000);
    const aged = buildBoardView(estate, statuses, running, later, 5_000);
    expect(aged.components[id]).toMatchObject({ status: "unknown", stale: true });
    expect(aged).toEqual(fromScratch(statuses, later));
  });

  it("rolls a service up again when one of its components changes, and only then", () => {
    const statuses = allOperational();
    const first = buildBoardView(estate, statuses, running, now, 5_000);
    const service = estate.services.find((s) => s.state === "active")!;
    const dependency = service.components.find((c) => c.role === "dependency")!;
    const next = new Map(statuses);
    next.set(dependency.id, reading("major_outage", now));
    const second = buildBoardView(estate, next, running, now, 5_000);
    const was = first.services.find((s) => s.id === service.id)!;
    const is = second.services.find((s) => s.id === service.id)!;
    expect(was.status).toBe("operational");
    expect(is).toMatchObject({ status: "major_outage", impactedBy: [dependency.id] });
    expect(second).toEqual(fromScratch(next, now));
    // Services none of whose components changed keep last board's roll-up.
    const untouched = first.services.find(
      (s) => !s.components.some((c) => c.id === dependency.id),
    )!;
    expect(second.services.find((s) => s.id === untouched.id)).toBe(untouched);
  });
});
