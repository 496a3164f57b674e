import { lt, sql } from "drizzle-orm";
import { tables, type Db } from "../db";

const rank = (column: string) =>
  `case ${column} when 'operational' then 1 when 'under_maintenance' then 2 when 'degraded_performance' then 3 ` +
  `when 'partial_outage' then 4 when 'major_outage' then 5 else 0 end`;
/** The worst status in a group, by the domain's order; `unknown` only when nothing else was seen. */
const worst = (column: string) =>
  sql.raw(
    `(array['unknown','operational','under_maintenance','degraded_performance','partial_outage','major_outage'])[max(${rank(column)}) + 1]`,
  );

/** Recomputes hourly roll-ups from raw samples for every hour from `from` on. */
export async function rollUpHours(db: Db, from: Date): Promise<void> {
  await db.execute(sql`
    insert into health_hourly (component_id, bucket, samples, up, degraded, down, unknown, latency_sum, latency_count, latency_max, worst)
    select component_id, date_trunc('hour', at, 'UTC'), count(*),
      count(*) filter (where status in ('operational', 'under_maintenance')),
      count(*) filter (where status = 'degraded_performance'),
      count(*) filter (where status in ('partial_outage', 'major_outage')),
      count(*) filter (where status = 'unknown'),
      coalesce(sum(latency_ms), 0), count(latency_ms), max(latency_ms),
      ${worst("status")}
    from health_samples where at >= date_trunc('hour', ${from}::timestamptz, 'UTC')
    group by 1, 2
    on conflict (component_id, bucket) do update set
      samples = excluded.samples, up = excluded.up, degraded = excluded.degraded, down = excluded.down,
      unknown = excluded.unknown, latency_sum = excluded.latency_sum, latency_count = excluded.latency_count,
      latency_max = excluded.latency_max, worst = excluded.worst`);
}

/** Recomputes daily roll-ups from the hourly ones for every day from `from` on. */
export async function rollUpDays(db: Db, from: Date): Promise<void> {
  await db.execute(sql`
    insert into health_daily (component_id, bucket, samples, up, degraded, down, unknown, latency_sum, latency_count, latency_max, worst)
    select component_id, date_trunc('day', bucket, 'UTC'), sum(samples), sum(up), sum(degraded), sum(down), sum(unknown),
      sum(latency_sum), sum(latency_count), max(latency_max),
      ${worst("worst")}
    from health_hourly where bucket >= date_trunc('day', ${from}::timestamptz, 'UTC')
    group by 1, 2
    on conflict (component_id, bucket) do update set
      samples = excluded.samples, up = excluded.up, degraded = excluded.degraded, down = excluded.down,
      unknown = excluded.unknown, latency_sum = excluded.latency_sum, latency_count = excluded.latency_count,
      latency_max = excluded.latency_max, worst = excluded.worst`);
}

export const HOURLY_RETENTION_MS = 120 * 86_400_000;
export const DAILY_RETENTION_MS = 400 * 86_400_000;

/** Drops raw samples past their retention, and roll-ups past theirs. */
export async function pruneHistory(db: Db, now: Date, sampleRetentionMs: number): Promise<void> {
  await db
    .delete(tables.samples)
    .where(lt(tables.samples.at, new Date(now.getTime() - sampleRetentionMs)));
  await db
    .delete(tables.hourly)
    .where(lt(tables.hourly.bucket, new Date(now.getTime() - HOURLY_RETENTION_MS)));
  await db
    .delete(tables.daily)
    .where(lt(tables.daily.bucket, new Date(now.getTime() - DAILY_RETENTION_MS)));
  await db
    .delete(tables.statusChanges)
    .where(lt(tables.statusChanges.at, new Date(now.getTime() - DAILY_RETENTION_MS)));
}
