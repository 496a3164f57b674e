import "server-only";
import { and, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, queryRows, tables, type Db } from "../db";
import { notFound, validationError } from "../errors";
import {
  DAY_MS,
  fillFromHourly,
  fillSeries,
  HOUR_MS,
  RANGE_PLAN,
  rangeWindow,
  uptimeDays,
  type BucketRow,
} from "./history-buckets";
import {
  HISTORY_RANGES,
  isHistoryRange,
  type HistoryRange,
  type HistorySeries,
  type StatusChangeEntry,
  type UptimeHistory,
} from "./history-types";
import { isStatus, type Status } from "../status/vocabulary";

const { components, hourly, daily, statusChanges, componentStatus } = tables;

export type ReadOptions = { db?: Db; now?: Date };
const dbOf = async (o: ReadOptions) => o.db ?? (await getDb());

/** A range from a query string or form; anything else is a validation error naming the choices. */
export function parseHistoryRange(value: unknown, field = "range"): HistoryRange {
  if (isHistoryRange(value)) return value;
  const message = `expected one of ${HISTORY_RANGES.join(", ")} (got ${JSON.stringify(value ?? null)})`;
  throw validationError(`Invalid ${field}: ${message}`, { [field]: [message] });
}

/** Throws not found unless the component is part of the live estate. */
export async function assertComponent(db: Db, componentId: string): Promise<void> {
  const [row] = await db
    .select({ id: components.id })
    .from(components)
    .where(and(eq(components.id, componentId), isNull(components.retiredAt)));
  if (!row) throw notFound(`Component "${componentId}"`);
}

const rollupRow = (r: typeof hourly.$inferSelect): BucketRow & { worst: string } => ({
  bucket: r.bucket.getTime(),
  samples: r.samples,
  up: r.up,
  degraded: r.degraded,
  down: r.down,
  unknown: r.unknown,
  latencySum: r.latencySum,
  latencyCount: r.latencyCount,
  latencyMax: r.latencyMax,
  worst: r.worst,
});

async function readHourly(db: Db, componentId: string, from: number, to: number) {
  const rows = await db
    .select()
    .from(hourly)
    .where(
      and(
        eq(hourly.componentId, componentId),
        gte(hourly.bucket, new Date(from)),
        lt(hourly.bucket, new Date(to)),
      ),
    );
  return rows.map(rollupRow);
}

/** Raw samples counted per bucket in SQL, so a day of 5-second readings never leaves the store. */
async function readSampleBuckets(
  db: Db,
  componentId: string,
  from: number,
  to: number,
  bucketMs: number,
): Promise<BucketRow[]> {
  const seconds = bucketMs / 1000;
  const rows = await queryRows<Omit<BucketRow, "bucket"> & { slot: number }>(
    db,
    sql`select floor(extract(epoch from at) / ${sql.raw(String(seconds))})::int as slot,
      count(*)::int as samples,
      (count(*) filter (where status in ('operational', 'under_maintenance')))::int as up,
      (count(*) filter (where status = 'degraded_performance'))::int as degraded,
      (count(*) filter (where status in ('partial_outage', 'major_outage')))::int as down,
      (count(*) filter (where status not in ('operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage')))::int as unknown,
      coalesce(sum(latency_ms), 0)::float8 as "latencySum", count(latency_ms)::int as "latencyCount",
      max(latency_ms)::float8 as "latencyMax"
    from health_samples
    where component_id = ${componentId} and at >= ${new Date(from)} and at < ${new Date(to)}
    group by 1`,
  );
  return rows.map(({ slot, ...r }) => ({ ...r, bucket: Number(slot) * bucketMs }));
}

/** Latency and availability of one component over a range, every bucket present, gaps null. */
export async function readComponentSeries(
  componentId: string,
  range: HistoryRange,
  options: ReadOptions = {},
): Promise<HistorySeries> {
  const db = await dbOf(options);
  await assertComponent(db, componentId);
  const plan = RANGE_PLAN[range];
  const { from, to } = rangeWindow(range, options.now ?? new Date());
  let rows: BucketRow[];
  let hoursFromRollups = 0;
  if (plan.resolution === "samples") {
    const hourFrom = Math.floor(from / HOUR_MS) * HOUR_MS;
    const [sampled, hours] = await Promise.all([
      readSampleBuckets(db, componentId, from, to, plan.bucketMs),
      readHourly(db, componentId, hourFrom, to),
    ]);
    ({ rows, hoursFromRollups } = fillFromHourly(sampled, hours, plan.bucketMs));
  } else {
    rows = await readHourly(db, componentId, from, to);
  }
  return {
    componentId,
    range,
    bucketMs: plan.bucketMs,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    resolution: plan.resolution,
    hoursFromRollups,
    points: fillSeries(rows, from, to, plan.bucketMs),
  };
}

/** 90 days (by default) of daily uptime per component, one entry per UTC day, oldest first. */
export async function readUptime(
  componentIds: string[],
  options: ReadOptions & { days?: number } = {},
): Promise<UptimeHistory[]> {
  if (componentIds.length === 0) return [];
  const db = await dbOf(options);
  const now = options.now ?? new Date();
  const days = options.days ?? 90;
  const first = Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const rows = await db
    .select()
    .from(daily)
    .where(and(inArray(daily.componentId, componentIds), gte(daily.bucket, new Date(first))));
  return componentIds.map((componentId) => ({
    componentId,
    ...uptimeDays(rows.filter((r) => r.componentId === componentId).map(rollupRow), now, days),
  }));
}

/** The newest status changes of one or more components, newest first. */
export async function readStatusChanges(
  componentIds: string[],
  options: ReadOptions & { limit?: number } = {},
): Promise<StatusChangeEntry[]> {
  if (componentIds.length === 0) return [];
  const db = await dbOf(options);
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 20)), 500);
  const rows = await db
    .select()
    .from(statusChanges)
    .where(inArray(statusChanges.componentId, componentIds))
    .orderBy(desc(statusChanges.at), desc(statusChanges.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    componentId: r.componentId,
    at: r.at.toISOString(),
    from: r.fromStatus === null ? null : asStatus(r.fromStatus),
    to: asStatus(r.toStatus),
    reason: r.reason,
  }));
}

const asStatus = (s: string): Status => (isStatus(s) ? s : "unknown");

/** The per-instance states the poller last stored for a role-instances component. */
export async function readInstanceDetail(
  componentId: string,
  options: ReadOptions = {},
): Promise<{
  instances: { name: string; status: Status; reason: string | null }[];
  checkedAt: Date | null;
} | null> {
  const db = await dbOf(options);
  const [row] = await db
    .select({ detail: componentStatus.detail, checkedAt: componentStatus.checkedAt })
    .from(componentStatus)
    .where(eq(componentStatus.componentId, componentId));
  const list = (row?.detail as { instances?: unknown } | null)?.instances;
  if (!row || !Array.isArray(list)) return null;
  return {
    checkedAt: row.checkedAt,
    instances: list.map((i: { name?: unknown; status?: unknown; reason?: unknown }, n) => ({
      name: typeof i?.name === "string" ? i.name : `instance ${n}`,
      status: isStatus(i?.status) ? i.status : "unknown",
      reason: typeof i?.reason === "string" ? i.reason : null,
    })),
  };
}
