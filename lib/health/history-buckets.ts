/** Pure history arithmetic: bucket grids, gap filling, availability and uptime. No I/O, no clock. */
import type { HistoryRange, SeriesPoint, UptimeDay } from "./history-types";
import { isStatus, type Status } from "../status/vocabulary";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Sample counts as health_hourly / health_daily keep them; `up` includes under_maintenance. */
export type Counts = {
  samples: number;
  up: number;
  degraded: number;
  down: number;
  unknown: number;
  latencySum: number;
  latencyCount: number;
  latencyMax: number | null;
};

export type BucketRow = Counts & { bucket: number };

export const RANGE_PLAN: Record<
  HistoryRange,
  { spanMs: number; bucketMs: number; resolution: "samples" | "hourly" }
> = {
  "24h": { spanMs: DAY_MS, bucketMs: 10 * 60_000, resolution: "samples" },
  "7d": { spanMs: 7 * DAY_MS, bucketMs: HOUR_MS, resolution: "hourly" },
  "30d": { spanMs: 30 * DAY_MS, bucketMs: 4 * HOUR_MS, resolution: "hourly" },
};

/** The window a range covers at `now`: whole buckets (aligned to UTC), the last one still filling. */
export function rangeWindow(range: HistoryRange, now: Date): { from: number; to: number } {
  const { spanMs, bucketMs } = RANGE_PLAN[range];
  const to = Math.floor(now.getTime() / bucketMs) * bucketMs + bucketMs;
  return { from: to - spanMs, to };
}

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** Share (0-100) of known samples not in partial or major outage; null when nothing known. */
export function availabilityPercent(c: Pick<Counts, "up" | "degraded" | "down">): number | null {
  const known = c.up + c.degraded + c.down;
  if (known <= 0) return null;
  const percent = round(((c.up + c.degraded) / known) * 100, 3);
  // Rounding must never turn an outage into a clean 100 %.
  return c.down > 0 && percent >= 100 ? 99.999 : percent;
}

export const emptyCounts = (): Counts => ({
  samples: 0,
  up: 0,
  degraded: 0,
  down: 0,
  unknown: 0,
  latencySum: 0,
  latencyCount: 0,
  latencyMax: null,
});

export function addCounts(into: Counts, c: Counts, scale = 1): Counts {
  into.samples += c.samples * scale;
  into.up += c.up * scale;
  into.degraded += c.degraded * scale;
  into.down += c.down * scale;
  into.unknown += c.unknown * scale;
  into.latencySum += c.latencySum * scale;
  into.latencyCount += c.latencyCount * scale;
  if (c.latencyMax !== null)
    into.latencyMax =
      into.latencyMax === null ? c.latencyMax : Math.max(into.latencyMax, c.latencyMax);
  return into;
}

export function toPoint(at: number, c: Counts): SeriesPoint {
  return {
    at: new Date(at).toISOString(),
    latencyAvgMs: c.latencyCount > 0 ? round(c.latencySum / c.latencyCount, 1) : null,
    latencyMaxMs: c.latencyMax,
    availability: availabilityPercent(c),
    samples: Math.round(c.samples),
  };
}

/**
 * Every bucket of [from, to), summing the rows that fall in it (finer rows fold into coarser
 * buckets). Buckets without rows are gaps: every figure null, never drawn as 100 %.
 */
export function fillSeries(
  rows: BucketRow[],
  from: number,
  to: number,
  bucketMs: number,
): SeriesPoint[] {
  const slots = Math.max(0, Math.ceil((to - from) / bucketMs));
  const sums: (Counts | undefined)[] = new Array(slots);
  for (const r of rows) {
    if (r.bucket < from || r.bucket >= to) continue;
    const i = Math.floor((r.bucket - from) / bucketMs);
    addCounts((sums[i] ??= emptyCounts()), r);
  }
  return Array.from({ length: slots }, (_, i) =>
    toPoint(from + i * bucketMs, sums[i] ?? emptyCounts()),
  );
}

/**
 * Spreads hourly roll-ups over the finer buckets of hours that have no raw samples (pruned, or
 * backfilled), so those hours show at hourly resolution instead of as gaps. Hours with any raw
 * sample keep only their samples: a roll-up never overrides what was actually read.
 */
export function fillFromHourly(
  sampleRows: BucketRow[],
  hourlyRows: BucketRow[],
  bucketMs: number,
): { rows: BucketRow[]; hoursFromRollups: number } {
  const hoursWithSamples = new Set(sampleRows.map((r) => Math.floor(r.bucket / HOUR_MS)));
  const parts = Math.max(1, Math.round(HOUR_MS / bucketMs));
  const rows = [...sampleRows];
  let hoursFromRollups = 0;
  for (const h of hourlyRows) {
    if (hoursWithSamples.has(Math.floor(h.bucket / HOUR_MS))) continue;
    hoursFromRollups++;
    for (let p = 0; p < parts; p++)
      rows.push({
        ...addCounts(emptyCounts(), h, 1 / parts),
        latencyMax: h.latencyMax,
        bucket: h.bucket + p * bucketMs,
      });
  }
  return { rows, hoursFromRollups };
}

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One entry per UTC day, oldest first, ending today; days without rows say "no data". */
export function uptimeDays(
  rows: (BucketRow & { worst: string })[],
  now: Date,
  days = 90,
): { days: UptimeDay[]; uptime: number | null; daysWithData: number } {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const byDay = new Map(rows.map((r) => [utcDay(r.bucket), r]));
  const total = emptyCounts();
  const list: UptimeDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = utcDay(today - i * DAY_MS);
    const r = byDay.get(day);
    if (!r || r.samples <= 0) {
      list.push({ day, uptime: null, worst: null, samples: 0 });
      continue;
    }
    addCounts(total, r);
    const uptime = availabilityPercent(r);
    const worst: Status = uptime === null ? "unknown" : isStatus(r.worst) ? r.worst : "unknown";
    list.push({ day, uptime, worst, samples: r.samples });
  }
  return {
    days: list,
    uptime: availabilityPercent(total),
    daysWithData: list.filter((d) => d.uptime !== null).length,
  };
}
