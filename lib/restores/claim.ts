/**
 * Who runs a restore: a worker claims a queued job (SKIP LOCKED) and keeps it by its heartbeat.
 * A job whose heartbeat stops for two beats is lost: any instance queues it to resume from its
 * step. Every step commits through `advance`, which succeeds only while the claim is still the
 * worker's, so a worker that was thought dead and wakes up can change nothing.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, tables, type Db } from "../db";
import type { RestoreRecord } from "./requests";

const { restores } = tables;

export { DEFAULT_HEARTBEAT_MS, MISSED_BEATS } from "../jobs";

/** Attempts before a job that keeps losing its worker is failed rather than resumed. */
export const MAX_ATTEMPTS = 3;

/** The worker no longer holds the job: another instance took it over. */
export class ClaimLost extends Error {
  constructor(id: string) {
    super(`restore ${id} was taken over by another worker`);
    this.name = "ClaimLost";
  }
}

export type LogEntry = { at: string; level: "info" | "error"; message: string };
export const logEntry = (message: string, level: LogEntry["level"] = "info"): LogEntry[] => [
  { at: new Date().toISOString(), level, message },
];
export const appendLog = (message: string, level: LogEntry["level"] = "info") =>
  sql`${restores.log} || ${JSON.stringify(logEntry(message, level))}::jsonb`;

export async function claimNextRestore(db: Db, workerId: string): Promise<RestoreRecord | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update restores set status = 'running', worker_id = ${workerId}, attempts = attempts + 1,
          started_at = coalesce(started_at, now()), heartbeat_at = now()
        where id = (select id from restores where status = 'queued' order by requested_at limit 1 for update skip locked)
        returning id`,
  );
  if (!rows[0]) return null;
  const [row] = await db.select().from(restores).where(eq(restores.id, rows[0].id));
  return row ?? null;
}

const held = (id: string, workerId: string) =>
  and(eq(restores.id, id), eq(restores.workerId, workerId), eq(restores.status, "running"));

/**
 * Records a step in the job's log (and its new step, progress or outcome) while the worker still
 * holds the job; otherwise throws ClaimLost, which rolls back the step's transaction.
 */
export async function advance(
  tx: Db,
  row: Pick<RestoreRecord, "id" | "workerId">,
  message: string,
  set: Partial<RestoreRecord> = {},
  level: LogEntry["level"] = "info",
): Promise<void> {
  const changed = await tx
    .update(restores)
    .set({ ...set, heartbeatAt: sql`now()`, log: appendLog(message, level) })
    .where(held(row.id, row.workerId ?? ""))
    .returning({ id: restores.id });
  if (changed.length === 0) throw new ClaimLost(row.id);
}

/** One heartbeat; false when the job is no longer this worker's. */
export async function beat(db: Db, id: string, workerId: string): Promise<boolean> {
  const changed = await db
    .update(restores)
    .set({ heartbeatAt: sql`now()` })
    .where(held(id, workerId))
    .returning({ id: restores.id });
  return changed.length > 0;
}

/** A heartbeat older than `lostAfterMs` by the store's clock (or a test's): a lost worker. */
function silentFor(lostAfterMs: number, now?: Date): SQL {
  const cutoff = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return sql`${restores.heartbeatAt} < ${cutoff} - ${lostAfterMs} * interval '1 millisecond'`;
}

/**
 * Restores whose worker stopped beating: queued to resume from their step, or after MAX_ATTEMPTS
 * handed to `fail`. Each is taken in its own transaction with a guarded update, so two instances
 * reaping together, or a worker beating at that moment, never double it.
 */
export async function reapLostRestores(
  db: Db,
  lostAfterMs: number,
  fail: (tx: Db, row: RestoreRecord, reason: string) => Promise<void>,
  now?: Date,
): Promise<number> {
  const stale = and(eq(restores.status, "running"), silentFor(lostAfterMs, now));
  const candidates = await db.select({ id: restores.id }).from(restores).where(stale);
  let reaped = 0;
  for (const { id } of candidates) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(restores)
        .where(and(eq(restores.id, id), stale))
        .for("update", { skipLocked: true });
      if (!row) return;
      reaped++;
      const where = `the worker ${row.workerId ?? ""} was lost at step "${row.step}" (no heartbeat)`;
      if (row.attempts >= MAX_ATTEMPTS) {
        await fail(
          tx,
          row,
          `its worker was lost ${row.attempts} times (last at step "${row.step}")`,
        );
        return;
      }
      await tx
        .update(restores)
        .set({
          status: "queued",
          workerId: null,
          workerLostAt: sql`now()`,
          log: appendLog(`${where}; queued to resume on any instance`, "error"),
        })
        .where(eq(restores.id, id));
    });
  }
  return reaped;
}
