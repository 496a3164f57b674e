/** Pure: an Azure Resource Health availability status as a Standfast reading (domain brief, section 3). */
import type { Reading } from "../status/reading-types";
import type { Status } from "../status/vocabulary";

export type AvailabilityStatus = {
  id?: string;
  location?: string;
  properties?: {
    availabilityState?: string;
    title?: string;
    summary?: string;
    detailedStatus?: string;
    reasonType?: string;
    occuredTime?: string;
    reportedTime?: string;
    recentlyResolved?: {
      unavailableOccuredTime?: string;
      resolvedTime?: string;
      unavailableSummary?: string;
      unavailabilitySummary?: string;
    };
  };
};

const STATE: Record<string, Status> = {
  available: "operational",
  degraded: "degraded_performance",
  unavailable: "major_outage",
  unknown: "unknown",
};

const RECENT_MS = 24 * 3_600_000;

/** "2023-11-30 02:06 UTC": times in reasons, readable and unambiguous. */
export function utcMinute(iso: string | undefined): string | null {
  if (!iso) return null;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return null;
  return `${t.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The status Resource Health reports, with its summary, reason type and times as the reason. */
export function availabilityReading(status: AvailabilityStatus, now: Date): Reading {
  const p = status.properties ?? {};
  const state = p.availabilityState ?? "";
  const mapped = STATE[state.toLowerCase()];
  const summary = (p.summary ?? p.title ?? "").trim();
  if (!mapped)
    return {
      status: "unknown",
      latencyMs: null,
      reason: `Resource Health reported ${JSON.stringify(state || "no state")}${summary ? `: ${summary}` : ""}`,
    };
  if (mapped === "operational") {
    const resolved = p.recentlyResolved;
    const at = resolved?.resolvedTime ? new Date(resolved.resolvedTime).getTime() : NaN;
    if (resolved && now.getTime() - at <= RECENT_MS) {
      const what = resolved.unavailableSummary ?? resolved.unavailabilitySummary;
      return {
        status: "operational",
        latencyMs: null,
        reason: `Recently resolved: unavailable from ${utcMinute(resolved.unavailableOccuredTime) ?? "?"} to ${utcMinute(resolved.resolvedTime)}${what ? ` (${what})` : ""}`,
      };
    }
    return { status: "operational", latencyMs: null, reason: null };
  }
  const facts = [
    p.reasonType || null,
    utcMinute(p.occuredTime) && `since ${utcMinute(p.occuredTime)}`,
    utcMinute(p.reportedTime) && `reported ${utcMinute(p.reportedTime)}`,
  ].filter(Boolean);
  const text = summary || `Resource Health says ${state}`;
  return {
    status: mapped,
    latencyMs: null,
    reason: `${text}${facts.length ? ` (${facts.join("; ")})` : ""}`,
  };
}
