/** Pure: Statuspage's impact from component statuses. */
import type { Status } from "../status/vocabulary";
import { IMPACTS, type Impact } from "./incident-types";

/** The statuses that count as failing: what opens and keeps an incident open. */
export const FAILING: readonly Status[] = [
  "degraded_performance",
  "partial_outage",
  "major_outage",
];
/** Readings that count as healthy for resolution; `unknown` is neither failing nor healthy. */
export const HEALTHY: readonly Status[] = ["operational", "under_maintenance"];

export const isFailing = (s: Status) => FAILING.includes(s);
export const isHealthy = (s: Status) => HEALTHY.includes(s);

/** Degraded is minor, a partial outage major, a major outage critical; anything else none. */
export function impactOf(status: Status): Impact {
  if (status === "major_outage") return "critical";
  if (status === "partial_outage") return "major";
  if (status === "degraded_performance") return "minor";
  return "none";
}

export const impactRank = (impact: Impact) => IMPACTS.indexOf(impact);

export function worseImpact(a: Impact, b: Impact): Impact {
  return impactRank(a) >= impactRank(b) ? a : b;
}

/** The impact of the worst of some statuses. */
export function impactFromStatuses(statuses: Iterable<Status>): Impact {
  let impact: Impact = "none";
  for (const s of statuses) impact = worseImpact(impact, impactOf(s));
  return impact;
}

const RANK: Record<Status, number> = {
  operational: 0,
  under_maintenance: 1,
  unknown: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/** The worse of two statuses, a failing one outranking unknown. */
export function worseStatus(a: Status, b: Status): Status {
  return RANK[b] > RANK[a] ? b : a;
}
