import { eq, sql } from "drizzle-orm";
import { queryRows, tables, type Db } from "../db";

const { leases } = tables;

/**
 * Takes or renews a named lease, on the database's clock. Succeeds when the lease is free,
 * expired, or already ours; so whichever instance holds it may die and another takes over.
 */
export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
  beatEveryMs: number,
): Promise<boolean> {
  const rows = await queryRows<{ holder: string }>(
    db,
    sql`
    insert into leases (name, holder, acquired_at, heartbeat_at, expires_at, beat_every_ms)
    values (${name}, ${holder}, now(), now(), now() + ${ttlMs} * interval '1 millisecond', ${beatEveryMs})
    on conflict (name) do update set
      holder = excluded.holder,
      acquired_at = case when leases.holder = excluded.holder then leases.acquired_at else excluded.acquired_at end,
      heartbeat_at = excluded.heartbeat_at,
      expires_at = excluded.expires_at,
      beat_every_ms = excluded.beat_every_ms
    where leases.holder = excluded.holder or leases.expires_at < excluded.heartbeat_at
    returning holder`,
  );
  return rows.length === 1;
}

/** Gives the lease up at once, keeping its last heartbeat so readers can say when it last ran. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(
    sql`update leases set expires_at = now() - interval '1 millisecond' where name = ${name} and holder = ${holder}`,
  );
}

export type LeaseState = {
  holder: string;
  heartbeatAgeMs: number;
  beatEveryMs: number;
  heartbeatAt: Date;
  /** Negative once the lease has expired or been given up. */
  expiresInMs: number;
} | null;

export async function readLease(db: Db, name: string): Promise<LeaseState> {
  const [row] = await db
    .select({
      holder: leases.holder,
      heartbeatAt: leases.heartbeatAt,
      beatEveryMs: leases.beatEveryMs,
      ageMs: sql<number>`(extract(epoch from (now() - ${leases.heartbeatAt})) * 1000)::float8`,
      expiresInMs: sql<number>`(extract(epoch from (${leases.expiresAt} - now())) * 1000)::float8`,
    })
    .from(leases)
    .where(eq(leases.name, name));
  return row
    ? {
        holder: row.holder,
        heartbeatAt: row.heartbeatAt,
        beatEveryMs: row.beatEveryMs,
        heartbeatAgeMs: Number(row.ageMs),
        expiresInMs: Number(row.expiresInMs),
      }
    : null;
}

/**
 * A poller that gave its lease up, or missed three beats, is not running: reads say so, long
 * before its data goes stale.
 */
export const leaseAlive = (lease: LeaseState) =>
  lease !== null && lease.expiresInMs > 0 && lease.heartbeatAgeMs <= 3 * lease.beatEveryMs;
