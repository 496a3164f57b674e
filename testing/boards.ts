/** Boards for the markup's tests: the demo estate, or a generated one, with statuses as given. */
import { loadDemoEstate, parseEstate } from "../lib/estate/load";
import type { Estate } from "../lib/estate/types";
import { buildBoardView, type StoredStatus } from "../lib/health/board";
import { toLiveBoard, type LiveBoard } from "../lib/health/board-types";
import { makeEstate } from "../scripts/bench/estate.mjs";

export const T0 = new Date("2026-11-24T12:00:00Z");
const DEFAULTS = { intervalMs: 30_000, timeoutMs: 5_000 };

export const reading = (
  status: StoredStatus["status"],
  extra: Partial<StoredStatus> = {},
): StoredStatus => ({
  status,
  reason: null,
  since: new Date(T0.getTime() - 3_600_000),
  checkedAt: new Date(T0.getTime() - 5_000),
  attemptError: null,
  latencyMs: 20,
  detail: null,
  ...extra,
});

export function boardOf(estate: Estate, overrides: Record<string, StoredStatus> = {}): LiveBoard {
  const statuses = new Map(estate.components.map((c) => [c.id, reading("operational")]));
  for (const [id, r] of Object.entries(overrides)) statuses.set(id, r);
  const running = { running: true, lastBeatAt: T0, beatEveryMs: 5_000 };
  return toLiveBoard(buildBoardView(estate, statuses, running, T0, 5_000));
}

export const demoEstate = (): Estate => ({ ...loadDemoEstate(DEFAULTS), version: 1 });

export const generatedEstate = (services: number, regions: number): Estate => ({
  ...parseEstate(makeEstate({ services, regions }), "generated", DEFAULTS),
  version: 1,
});
