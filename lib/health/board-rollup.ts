/**
 * The board's summaries from its components: services, region columns, counts and the overall
 * indicator. Pure and client-safe: the server builds the board with it and the browser re-runs it
 * as its copy of the data ages, so the two always agree.
 */
import type { ServiceState } from "../estate/types";
import type { BoardRegion, BoardService, LiveComponent, StoreState } from "./board-types";
import { overallIndicator, rollUpService } from "./rollup";
import { STATUSES, worstOf, type OverallIndicator, type Status } from "../status/vocabulary";

/**
 * States in which a service's role instances do not serve, so their reading says nothing about
 * the service. A failed scale or configuration update leaves the service serving as it was.
 */
const NOT_SERVING: readonly ServiceState[] = [
  "suspended",
  "stopped",
  "disabled",
  "restoring",
  "restore_failed",
  "resume_failed",
];
export const isServing = (state: ServiceState) => !NOT_SERVING.includes(state);

type Part = Pick<LiveComponent, "id" | "name" | "kind" | "region" | "status" | "serviceState">;
type ServiceBase = Omit<BoardService, "status" | "reason" | "impactedBy">;

export type BoardSummary = {
  services: BoardService[];
  regions: BoardRegion[];
  counts: Record<Status, number>;
  notServing: number;
  overall: { indicator: OverallIndicator; description: string };
};

/**
 * Each service's roll-up on the last board and the component entries it was made from: a service
 * whose entries are the very same objects rolls up the same, so a big board redoes only the
 * services whose components changed.
 */
export type ServiceMemo = Map<
  string,
  { base: ServiceBase; parts: (Part | undefined)[]; out: BoardService }
>;

function rollUpServiceOf(
  s: ServiceBase,
  components: Record<string, Part>,
  memo: ServiceMemo | undefined,
): BoardService {
  const parts = s.components.map((c) => components[c.id]);
  const kept = memo?.get(s.id);
  if (kept && kept.base === s && kept.parts.every((p, i) => p === parts[i])) return kept.out;
  const roles = s.components.find((c) => c.role === "roles");
  const deps = s.components
    .filter((c) => c.role === "dependency")
    .map((c) => components[c.id])
    .filter((c) => c !== undefined);
  const health = isServing(s.state)
    ? rollUpService(roles ? components[roles.id] : undefined, deps)
    : rollUpService(null, deps);
  const out = { ...s, ...health };
  memo?.set(s.id, { base: s, parts, out });
  return out;
}

export function rollUpBoard(
  components: Record<string, Part>,
  services: ServiceBase[],
  regions: { id: string; name: string }[],
  pollerRunning: boolean,
  store: StoreState,
  memo?: ServiceMemo,
): BoardSummary {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byRegion = new Map<string, Status[]>();
  const statuses: Status[] = [];
  let notServing = 0;
  for (const c of Object.values(components)) {
    // A stopped service's role instances are its state, not a status of the estate.
    if (c.serviceState) {
      notServing++;
      continue;
    }
    counts[c.status]++;
    statuses.push(c.status);
    (byRegion.get(c.region) ?? byRegion.set(c.region, []).get(c.region)!).push(c.status);
  }
  return {
    services: services.map((s) => rollUpServiceOf(s, components, memo)),
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      status: worstOf(byRegion.get(r.id) ?? []),
    })),
    counts,
    notServing,
    overall: overallIndicator(statuses, pollerRunning, store),
  };
}
