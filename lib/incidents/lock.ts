import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db";

/** Every write to incidents and every detection pass hold this lock: they never interleave. */
const INCIDENTS_LOCK = 7_310_012;

/** Waits for the lock, for the rest of the transaction (a person's write). */
export async function lockIncidents(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${INCIDENTS_LOCK})`);
}

/** Takes the lock if it is free (a detection pass: another instance's pass does the same work). */
export async function tryLockIncidents(tx: Db): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(${INCIDENTS_LOCK}) as ok`,
  );
  return Boolean(row?.ok);
}
