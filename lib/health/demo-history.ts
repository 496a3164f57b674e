import "server-only";
import { inArray, sql } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { EstateComponent } from "../estate/types";
import { logger } from "../log";
import {
  backfillWindow,
  DEMO_INCIDENTS,
  planChanges,
  planHours,
  type HourRow,
} from "./demo-history-plan";
import { rollUpDays } from "./rollups";

const DEMO_HISTORY_LOCK = 7310011;
const CHUNK = 20_000;

/** Thousands of rows as one JSON parameter: one statement instead of one bound value per column. */
async function insertHours(db: Pick<Db, "execute">, rows: HourRow[]): Promise<void> {
  await db.execute(sql`
    insert into health_hourly (component_id, bucket, samples, up, degraded, down, unknown, latency_sum, latency_count, latency_max, worst)
    select c, b, s, u, g, d, k, ls, lc, lm, w
    from json_to_recordset(${JSON.stringify(rows.map(compact))}::json)
      as x(c text, b timestamptz, s int, u int, g int, d int, k int, ls float8, lc int, lm float8, w text)
    on conflict (component_id, bucket) do nothing`);
}

const compact = (r: HourRow) => ({
  c: r.componentId,
  b: r.bucket.toISOString(),
  s: r.samples,
  u: r.up,
  g: r.degraded,
  d: r.down,
  k: r.unknown,
  ls: r.latencySum,
  lc: r.latencyCount,
  lm: r.latencyMax,
  w: r.worst,
});

/**
 * Gives the demo estate a past, so its charts do not open empty: 90 days of hourly and daily
 * roll-ups and a few short incidents for every simulated component that has no hourly roll-up
 * yet. Everything lies before the current hour, so the live board stays green. Idempotent, and
 * safe when several instances start at once (one advisory lock, the check inside it).
 */
export async function backfillDemoHistory(
  db: Db,
  estate: { demo: boolean; components: EstateComponent[] },
  now = new Date(),
): Promise<{ components: string[]; hours: number; changes: number }> {
  const none = { components: [], hours: 0, changes: 0 };
  if (!estate.demo) return none;
  const simulated = estate.components.flatMap((c) =>
    c.source.type === "simulated" ? [{ id: c.id, intervalMs: c.intervalMs, spec: c.source }] : [],
  );
  if (simulated.length === 0) return none;

  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_HISTORY_LOCK})`);
    const have = await tx
      .selectDistinct({ id: tables.hourly.componentId })
      .from(tables.hourly)
      .where(
        inArray(
          tables.hourly.componentId,
          simulated.map((c) => c.id),
        ),
      );
    const done = new Set(have.map((r) => r.id));
    const todo = simulated.filter((c) => !done.has(c.id));
    if (todo.length === 0) return none;

    const rows: HourRow[] = todo.flatMap((c) => planHours(c, DEMO_INCIDENTS, now));
    for (let i = 0; i < rows.length; i += CHUNK) await insertHours(tx, rows.slice(i, i + CHUNK));
    const changes = planChanges(new Set(todo.map((c) => c.id)), now);
    if (changes.length) await tx.insert(tables.statusChanges).values(changes);
    await rollUpDays(tx as unknown as Db, new Date(backfillWindow(now).from));
    return { components: todo.map((c) => c.id), hours: rows.length, changes: changes.length };
  });
  if (result.components.length)
    logger("health").info(
      `demo history: ${result.hours} hourly roll-ups and ${result.changes / 2} past incidents for ${result.components.length} components`,
    );
  return result;
}
