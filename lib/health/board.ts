import type { Estate } from "../estate/types";
import type { BoardComponent, BoardService, BoardView } from "./board-types";
import { effectiveStatus, overallIndicator, rollUpService, type StatusRecord } from "./rollup";
import { STATUSES, worstOf, type Status } from "./vocabulary";
import type { InstanceState } from "./rollup";

export type StoredStatus = StatusRecord & { latencyMs: number | null; detail: unknown };
export type PollerState = { running: boolean; lastBeatAt: Date | null; beatEveryMs: number | null };

function instanceCounts(detail: unknown): BoardComponent["instances"] {
  const list = (detail as { instances?: InstanceState[] } | null)?.instances;
  if (!Array.isArray(list)) return null;
  const up = list.filter(
    (i) => i.status !== "partial_outage" && i.status !== "major_outage" && i.status !== "unknown",
  ).length;
  return { up, total: list.length };
}

/** The whole board at `now`, from the estate, the stored statuses and the poller's heartbeat. Pure. */
export function buildBoardView(
  estate: Estate,
  statuses: Map<string, StoredStatus>,
  poller: PollerState,
  now: Date,
  refreshMs: number,
): BoardView {
  const dependents = new Map<string, string[]>();
  for (const s of estate.services)
    for (const c of s.components)
      (dependents.get(c.id) ?? dependents.set(c.id, []).get(c.id)!).push(s.id);

  const components: Record<string, BoardComponent> = {};
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const c of estate.components) {
    const stored = statuses.get(c.id);
    const e = effectiveStatus(stored, c.staleAfterMs, now);
    counts[e.status]++;
    components[c.id] = {
      id: c.id,
      name: c.name,
      kind: c.kind,
      region: c.region,
      status: e.status,
      reason: e.reason,
      since: e.since?.toISOString() ?? null,
      checkedAt: stored?.checkedAt?.toISOString() ?? null,
      latencyMs: stored?.latencyMs ?? null,
      stale: e.stale,
      staleAfterMs: c.staleAfterMs,
      intervalMs: c.intervalMs,
      instances: c.kind === "role-instances" ? (instanceCounts(stored?.detail) ?? null) : null,
      attributes: c.attributes,
      serviceIds: dependents.get(c.id) ?? [],
    };
  }

  const services: BoardService[] = estate.services.map((s) => {
    const roles = s.components.find((c) => c.role === "roles");
    const deps = s.components
      .filter((c) => c.role === "dependency")
      .map((c) => components[c.id])
      .filter((c) => c !== undefined);
    const health = rollUpService(roles ? components[roles.id] : undefined, deps);
    return {
      id: s.id,
      edition: s.edition,
      units: s.units,
      region: s.region,
      state: s.state,
      stateChangedAt: s.stateChangedAt,
      ...health,
      components: s.components,
    };
  });

  const byRegion = new Map<string, Status[]>();
  for (const c of Object.values(components))
    (byRegion.get(c.region) ?? byRegion.set(c.region, []).get(c.region)!).push(c.status);

  return {
    generatedAt: now.toISOString(),
    demo: estate.demo,
    estateSource: estate.source,
    overall: overallIndicator(
      Object.values(components).map((c) => c.status),
      poller.running,
    ),
    poller: {
      running: poller.running,
      lastBeatAt: poller.lastBeatAt?.toISOString() ?? null,
      beatEveryMs: poller.beatEveryMs,
    },
    regions: estate.regions.map((r) => ({
      ...r,
      status: byRegion.has(r.id) ? worstOf(byRegion.get(r.id)!) : "operational",
    })),
    services,
    components,
    counts,
    refreshMs,
  };
}
