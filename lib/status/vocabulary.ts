/** Client-safe status vocabulary: the Statuspage API v2 words plus `unknown`. */
export const KNOWN_STATUSES = [
  "operational",
  "under_maintenance",
  "degraded_performance",
  "partial_outage",
  "major_outage",
] as const;
export const STATUSES = [...KNOWN_STATUSES, "unknown"] as const;

export type KnownStatus = (typeof KNOWN_STATUSES)[number];
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  operational: "Operational",
  under_maintenance: "Maintenance",
  degraded_performance: "Degraded",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  unknown: "Unknown",
};

const RANK: Record<KnownStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

/** Worst of known statuses, ordered as in the domain brief. */
export function worstKnown(statuses: Iterable<KnownStatus>): KnownStatus {
  let worst: KnownStatus = "operational";
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/**
 * Worst status where a known problem outranks `unknown`, and `unknown` outranks green:
 * a board may never report operational while part of what it summarises is unknown.
 */
export function worstOf(statuses: Iterable<Status>): Status {
  let known: KnownStatus = "operational";
  let anyUnknown = false;
  let any = false;
  for (const s of statuses) {
    any = true;
    if (s === "unknown") anyUnknown = true;
    else if (RANK[s] > RANK[known]) known = s;
  }
  if (!any) return "unknown";
  if (anyUnknown && RANK[known] <= RANK.under_maintenance) return "unknown";
  return known;
}

export function isProblem(status: Status): boolean {
  return status !== "operational";
}

export type OverallIndicator = "none" | "minor" | "major" | "critical" | "maintenance" | "unknown";

export const INDICATOR_DESCRIPTION: Record<OverallIndicator, string> = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major System Outage",
  maintenance: "Service Under Maintenance",
  unknown: "Status Unknown",
};
