import type { Estate, ServiceState } from "../estate/types";
import type { BoardComponent, BoardView, StoreState } from "./board-types";
import { isServing, rollUpBoard, type ServiceMemo } from "./board-rollup";
import { effectiveStatus, type InstanceState, type StatusRecord } from "./rollup";

export type StoredStatus = StatusRecord & {
  attemptAt?: Date | null;
  latencyMs: number | null;
  detail: unknown;
};
export type PollerState = { running: boolean; lastBeatAt: Date | null; beatEveryMs: number | null };

function instanceCounts(detail: unknown): BoardComponent["instances"] {
  const list = (detail as { instances?: InstanceState[] } | null)?.instances;
  if (!Array.isArray(list)) return null;
  const up = list.filter(
    (i) => i.status !== "partial_outage" && i.status !== "major_outage" && i.status !== "unknown",
  ).length;
  return { up, total: list.length };
}

/** A failed read newer than the newest good one: what the board shows from the first failure. */
function lastFailure(stored: StoredStatus | undefined): BoardComponent["lastFailure"] {
  if (!stored?.attemptError || !stored.attemptAt) return null;
  if (stored.checkedAt && stored.attemptAt <= stored.checkedAt) return null;
  return { at: stored.attemptAt.toISOString(), error: stored.attemptError };
}

type Memo = {
  estate: Estate;
  dependents: Map<string, string[]>;
  stopped: Map<string, ServiceState>;
  /** Each component's entry on the last board, and the reading it was made from. */
  components: Map<string, { stored: StoredStatus | undefined; entry: BoardComponent }>;
  services: Parameters<typeof rollUpBoard>[1];
  rollUps: ServiceMemo;
};
let memo: Memo | null = null;

/** What depends on the estate alone, made once per estate (the snapshot keeps one estate object). */
function memoFor(estate: Estate): Memo {
  if (memo?.estate === estate) return memo;
  const dependents = new Map<string, string[]>();
  const stopped = new Map<string, ServiceState>();
  for (const s of estate.services) {
    for (const c of s.components)
      (dependents.get(c.id) ?? dependents.set(c.id, []).get(c.id)!).push(s.id);
    const roles = s.components.find((c) => c.role === "roles");
    if (roles && !isServing(s.state)) stopped.set(roles.id, s.state);
  }
  const services = estate.services.map((s) => ({
    id: s.id,
    edition: s.edition,
    units: s.units,
    region: s.region,
    state: s.state,
    stateChangedAt: s.stateChangedAt,
    components: s.components,
  }));
  return (memo = {
    estate,
    dependents,
    stopped,
    components: new Map(),
    services,
    rollUps: new Map(),
  });
}

/** The same test as `effectiveStatus`: within its limit, a reading shows as it was stored. */
const isFresh = (checkedAt: Date | null, staleAfterMs: number, now: Date) =>
  checkedAt !== null && now.getTime() - checkedAt.getTime() <= staleAfterMs;

function componentEntry(
  c: Estate["components"][number],
  stored: StoredStatus | undefined,
  memo: Memo,
  now: Date,
): BoardComponent {
  const e = effectiveStatus(stored, c.staleAfterMs, now);
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    region: c.region,
    status: e.status,
    reason: e.reason,
    since: e.since?.toISOString() ?? null,
    checkedAt: stored?.checkedAt?.toISOString() ?? null,
    lastFailure: lastFailure(stored),
    latencyMs: stored?.latencyMs ?? null,
    stale: e.stale,
    staleAfterMs: c.staleAfterMs,
    intervalMs: c.intervalMs,
    instances: c.kind === "role-instances" ? (instanceCounts(stored?.detail) ?? null) : null,
    serviceState: memo.stopped.get(c.id) ?? null,
    attributes: c.attributes,
    serviceIds: memo.dependents.get(c.id) ?? [],
  };
}

/**
 * The whole board at `now`, from the estate, the stored statuses and the poller's heartbeat. Pure.
 * `store` says when the statuses were read; when that is not `now` (the store cannot be read), the
 * same statuses are aged to `now`, so each turns unknown once its reading passes its limit.
 */
export function buildBoardView(
  estate: Estate,
  statuses: Map<string, StoredStatus>,
  poller: PollerState,
  now: Date,
  refreshMs: number,
  store: StoreState = { readAt: now.toISOString(), unreachableSince: null },
): BoardView {
  const memo = memoFor(estate);
  const components: Record<string, BoardComponent> = {};
  for (const c of estate.components) {
    const stored = statuses.get(c.id);
    // A fresh reading's entry changes only with the reading: keep last board's while both hold.
    const kept = memo.components.get(c.id);
    if (
      kept &&
      stored &&
      kept.stored === stored &&
      isFresh(stored.checkedAt, c.staleAfterMs, now)
    ) {
      components[c.id] = kept.entry;
      continue;
    }
    const entry = componentEntry(c, stored, memo, now);
    components[c.id] = entry;
    memo.components.set(c.id, { stored, entry });
  }

  const summary = rollUpBoard(
    components,
    memo.services,
    estate.regions,
    poller.running,
    store,
    memo.rollUps,
  );
  return {
    generatedAt: now.toISOString(),
    store,
    demo: estate.demo,
    estateSource: estate.source,
    overall: summary.overall,
    poller: {
      running: poller.running,
      lastBeatAt: poller.lastBeatAt?.toISOString() ?? null,
      beatEveryMs: poller.beatEveryMs,
    },
    regions: summary.regions,
    services: summary.services,
    components,
    counts: summary.counts,
    notServing: summary.notServing,
    refreshMs,
  };
}
