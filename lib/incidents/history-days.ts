/** Pure: incidents and maintenance over the last N days, grouped by UTC day, quiet stretches folded. */
import type { IncidentView, MaintenanceView } from "./incident-types";

const DAY_MS = 86_400_000;

export type HistoryDay = {
  /** YYYY-MM-DD (UTC). */
  day: string;
  incidents: IncidentView[];
  maintenances: MaintenanceView[];
};

/** A run of days with nothing to report, shown as one line. */
export type QuietStretch = { quiet: true; from: string; to: string; days: number };

export type HistoryEntry = HistoryDay | QuietStretch;

/**
 * Newest day first, `days` days up to `now`'s. Each incident sits on the day it started, each
 * maintenance on the day it was scheduled for. Consecutive days with nothing become one stretch.
 */
export function groupByDay(
  incidents: IncidentView[],
  maintenances: MaintenanceView[],
  now: Date,
  days = 90,
): HistoryEntry[] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const dayOf = (iso: string) => iso.slice(0, 10);
  const out: HistoryEntry[] = [];
  for (let i = 0; i < days; i++) {
    const day = new Date(today - i * DAY_MS).toISOString().slice(0, 10);
    const entry: HistoryDay = {
      day,
      incidents: incidents
        .filter((x) => dayOf(x.startedAt) === day)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      maintenances: maintenances
        .filter((m) => dayOf(m.scheduledFor) === day)
        .sort((a, b) => b.scheduledFor.localeCompare(a.scheduledFor)),
    };
    if (entry.incidents.length || entry.maintenances.length) {
      out.push(entry);
      continue;
    }
    const last = out.at(-1);
    if (last && "quiet" in last) {
      last.from = day;
      last.days++;
    } else out.push({ quiet: true, from: day, to: day, days: 1 });
  }
  return out;
}

/** A service is as available as its least available component over the window (a lower bound). */
export function serviceUptime(componentUptimes: (number | null)[]): number | null {
  const known = componentUptimes.filter((u): u is number => u !== null);
  return known.length ? Math.min(...known) : null;
}
