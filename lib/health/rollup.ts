/** Pure roll-up: samples -> component -> service -> region -> overall. No I/O, no clock. */
import { formatAge } from "../time/duration";
import { KIND_LABEL, type ComponentKind } from "../estate/types";
import { INDICATOR_DESCRIPTION, worstOf, type OverallIndicator, type Status } from "./vocabulary";

export type InstanceState = { name: string; status: Status; reason?: string | null };

/** HA rule: losing one of N>1 instances is a partial outage (the rest keep serving); losing all is major. */
export function rollUpInstances(instances: InstanceState[]): {
  status: Status;
  reason: string | null;
  up: number;
  total: number;
} {
  const total = instances.length;
  const down = instances.filter(
    (i) => i.status === "partial_outage" || i.status === "major_outage",
  );
  const unknown = instances.filter((i) => i.status === "unknown");
  const up = total - down.length - unknown.length;
  const names = (list: InstanceState[]) =>
    list.map((i) => (i.reason ? `${i.name} (${i.reason})` : i.name)).join(", ");
  if (total === 0 || unknown.length === total)
    return { status: "unknown", reason: "no instance reported", up: 0, total };
  if (down.length === total)
    return {
      status: "major_outage",
      reason: `all ${total} instances down: ${names(down)}`,
      up,
      total,
    };
  if (down.length > 0) {
    return {
      status: "partial_outage",
      reason: `${down.length} of ${total} instances down: ${names(down)}`,
      up,
      total,
    };
  }
  const rest = worstOf(instances.filter((i) => i.status !== "unknown").map((i) => i.status));
  if (unknown.length > 0 && rest === "operational") {
    return {
      status: "unknown",
      reason: `${unknown.length} of ${total} instances did not report: ${names(unknown)}`,
      up,
      total,
    };
  }
  const worse = instances.filter((i) => i.status === rest && rest !== "operational");
  return { status: rest, reason: worse.length ? names(worse) : null, up, total };
}

export type StatusRecord = {
  status: Status;
  reason: string | null;
  since: Date;
  checkedAt: Date | null;
  attemptError: string | null;
};

export type EffectiveStatus = {
  status: Status;
  reason: string | null;
  since: Date | null;
  stale: boolean;
};

/**
 * What a component's status is at `now`: its recorded status while the newest good reading is
 * younger than the staleness limit, otherwise `unknown` with the age. Never a false green.
 */
export function effectiveStatus(
  record: StatusRecord | undefined,
  staleAfterMs: number,
  now: Date,
): EffectiveStatus {
  if (!record || !record.checkedAt) {
    const why = record?.attemptError ? `not read yet: ${record.attemptError}` : "not read yet";
    return { status: "unknown", reason: why, since: record?.since ?? null, stale: true };
  }
  const age = now.getTime() - record.checkedAt.getTime();
  if (age <= staleAfterMs) {
    return { status: record.status, reason: record.reason, since: record.since, stale: false };
  }
  const staleSince = new Date(record.checkedAt.getTime() + staleAfterMs);
  const last = record.attemptError ? `; last read failed: ${record.attemptError}` : "";
  return {
    status: "unknown",
    reason: `no fresh data for ${formatAge(age)}${last}`,
    since: record.status === "unknown" && record.since < staleSince ? record.since : staleSince,
    stale: true,
  };
}

export type ComponentHealth = { id: string; name: string; kind: ComponentKind; status: Status };
export type ServiceHealth = { status: Status; reason: string | null; impactedBy: string[] };

/**
 * A service is as bad as its role instances; a failing dependency marks it "impacted by" that
 * dependency and degrades it; an unknown part keeps it from claiming operational.
 */
export function rollUpService(
  roles: ComponentHealth | undefined,
  dependencies: ComponentHealth[],
): ServiceHealth {
  const failing = dependencies.filter(
    (d) =>
      d.status === "degraded_performance" ||
      d.status === "partial_outage" ||
      d.status === "major_outage",
  );
  const unknown = [
    roles ?? { name: "role instances", status: "unknown" as const },
    ...dependencies,
  ].filter((c) => c.status === "unknown");
  const status = worstOf([
    roles?.status ?? "unknown",
    ...(failing.length ? (["degraded_performance"] as const) : []),
    ...dependencies.map((d) =>
      d.status === "unknown" ? ("unknown" as const) : ("operational" as const),
    ),
  ]);
  const parts: string[] = [];
  if (roles && roles.status !== "operational" && roles.status !== "unknown")
    parts.push(`role instances ${label(roles.status)}`);
  if (failing.length)
    parts.push(
      `impacted by ${failing.map((d) => `${KIND_LABEL[d.kind].toLowerCase()} ${d.name} (${label(d.status)})`).join(", ")}`,
    );
  if (unknown.length && status === "unknown")
    parts.push(`no fresh data from ${unknown.map((c) => c.name).join(", ")}`);
  return {
    status,
    reason: parts.length ? capitalise(parts.join("; ")) : null,
    impactedBy: failing.map((d) => d.id),
  };
}

const label = (s: Status) => s.replace(/_/g, " ");
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Statuspage's overall indicator, plus `unknown` when nothing is worse but some status is unknown. */
export function overallIndicator(
  statuses: Iterable<Status>,
  pollerRunning = true,
): { indicator: OverallIndicator; description: string } {
  const seen = new Set<Status>(statuses);
  let indicator: OverallIndicator = "none";
  if (seen.has("major_outage")) indicator = "critical";
  else if (seen.has("partial_outage")) indicator = "major";
  else if (seen.has("degraded_performance")) indicator = "minor";
  else if (seen.has("unknown") || !pollerRunning || seen.size === 0) indicator = "unknown";
  else if (seen.has("under_maintenance")) indicator = "maintenance";
  return { indicator, description: INDICATOR_DESCRIPTION[indicator] };
}
