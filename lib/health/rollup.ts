/** Pure roll-up: samples -> component -> service -> region -> overall. No I/O, no clock. */
import { formatAge } from "../time";
import { KIND_LABEL, type ComponentKind } from "../estate/types";
import {
  INDICATOR_DESCRIPTION,
  worstOf,
  type OverallIndicator,
  type Status,
} from "../status/vocabulary";

import type { InstanceState } from "../status/reading-types";

export type { InstanceState };

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

/** Why a component is unknown once its newest good reading is `ageMs` old, past its limit. */
export function staleReason(ageMs: number, attemptError: string | null): string {
  const last = attemptError ? `; last read failed: ${attemptError}` : "";
  return `no fresh data for ${formatAge(ageMs)}${last}`;
}

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
  return {
    status: "unknown",
    reason: staleReason(age, record.attemptError),
    since: record.status === "unknown" && record.since < staleSince ? record.since : staleSince,
    stale: true,
  };
}

export type ComponentHealth = { id: string; name: string; kind: ComponentKind; status: Status };
export type ServiceHealth = { status: Status; reason: string | null; impactedBy: string[] };

const FAILING: readonly Status[] = ["degraded_performance", "partial_outage", "major_outage"];

/**
 * A service is as bad as its role instances and as its failing dependencies: it cannot work
 * without its database, storage or access control, so a dependency's outage is the service's
 * outage too, "impacted by" that dependency, and the board's banner and the service agree.
 * An unknown part keeps it from claiming operational. `roles` is null when the service is not
 * serving (suspended, stopped...): its role instances then say nothing about it.
 */
export function rollUpService(
  roles: ComponentHealth | undefined | null,
  dependencies: ComponentHealth[],
): ServiceHealth {
  const failing = dependencies.filter((d) => FAILING.includes(d.status));
  const parts: ComponentHealth[] = [...dependencies];
  if (roles !== null)
    parts.unshift(
      roles ?? { id: "", name: "role instances", kind: "role-instances", status: "unknown" },
    );
  // A dependency's planned maintenance is not the service's: only failing or unknown ones count.
  const status = worstOf([
    "operational",
    ...parts.map((c) =>
      c.kind !== "role-instances" && c.status === "under_maintenance" ? "operational" : c.status,
    ),
  ]);
  const unknown = parts.filter((c) => c.status === "unknown");
  const reasons: string[] = [];
  if (roles && roles.status !== "operational" && roles.status !== "unknown")
    reasons.push(`role instances ${label(roles.status)}`);
  if (failing.length)
    reasons.push(
      `impacted by ${failing.map((d) => `${KIND_LABEL[d.kind].toLowerCase()} ${d.name} (${label(d.status)})`).join(", ")}`,
    );
  if (unknown.length && status === "unknown")
    reasons.push(`no fresh data from ${unknown.map((c) => c.name).join(", ")}`);
  return {
    status,
    reason: reasons.length ? capitalise(reasons.join("; ")) : null,
    impactedBy: failing.map((d) => d.id),
  };
}

const label = (s: Status) => s.replace(/_/g, " ");
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "10:42:05 UTC" of an ISO time: exact to the second, the same on server and browser. */
const clock = (iso: string) => `${iso.slice(11, 19)} UTC`;

/**
 * Statuspage's overall indicator, plus `unknown` when nothing is worse but some status is unknown.
 * While the status store cannot be read, the description says so and how old its data is, and
 * never claims a status as current.
 */
export function overallIndicator(
  statuses: Iterable<Status>,
  pollerRunning = true,
  store?: { readAt: string; unreachableSince: string | null },
): { indicator: OverallIndicator; description: string } {
  const seen = new Set<Status>(statuses);
  let indicator: OverallIndicator = "none";
  if (seen.has("major_outage")) indicator = "critical";
  else if (seen.has("partial_outage")) indicator = "major";
  else if (seen.has("degraded_performance")) indicator = "minor";
  else if (seen.has("unknown") || !pollerRunning || seen.size === 0) indicator = "unknown";
  else if (seen.has("under_maintenance")) indicator = "maintenance";
  const words = INDICATOR_DESCRIPTION[indicator];
  if (!store?.unreachableSince) return { indicator, description: words };
  const cannot = `the status store cannot be read since ${clock(store.unreachableSince)}`;
  return {
    indicator,
    description:
      indicator === "unknown"
        ? `Status unknown: ${cannot}`
        : `Last known status, as of ${clock(store.readAt)}: ${words.toLowerCase()}; ${cannot}`,
  };
}
