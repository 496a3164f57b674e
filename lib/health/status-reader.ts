import { gte, sql } from "drizzle-orm";
import { queryRows, tables, type Db } from "../db";
import type { StoredStatus } from "./board";
import type { Status } from "../status/vocabulary";

const { componentStatus } = tables;

/** A full re-read at least this often, whatever the change tracking says: the safety net. */
export const FULL_READ_EVERY_MS = 5 * 60_000;

/**
 * Every component's stored status, and where the next read may start. Each status row carries the
 * transaction that wrote it (`written_xid`, stamped by a trigger). A transaction not yet visible to
 * a read was running, or had not started, when the read began, so its id is at least that read's
 * snapshot xmin: reading the rows stamped at or after the previous read's xmin sees every change
 * since, whichever app instance made it, on either engine.
 */
export type StatusReading = {
  db: Db;
  statuses: Map<string, StoredStatus>;
  /** The estate version the statuses were fully read for: a new estate reads them all again. */
  estateVersion: number;
  /** The oldest transaction still running when this reading began: where the next one starts. */
  xmin: bigint;
  /** The next transaction id when this reading began; a smaller one later means another store. */
  xmax: bigint;
  fullReadAt: number;
};

export type ReadKind = "full" | "changes";

async function currentSnapshot(db: Db): Promise<{ xmin: bigint; xmax: bigint }> {
  const [row] = await queryRows<{ xmin: string; xmax: string }>(
    db,
    sql`select pg_snapshot_xmin(s)::text as xmin, pg_snapshot_xmax(s)::text as xmax from pg_current_snapshot() as s`,
  );
  return { xmin: BigInt(row!.xmin), xmax: BigInt(row!.xmax) };
}

function toStored(r: typeof componentStatus.$inferSelect): StoredStatus {
  return {
    status: r.status as Status,
    reason: r.reason,
    since: r.since,
    checkedAt: r.checkedAt,
    attemptAt: r.attemptAt,
    attemptError: r.attemptError,
    latencyMs: r.latencyMs,
    detail: r.detail,
  };
}

/** Why the previous reading cannot be brought up to date by its changes alone; null when it can. */
function fullReadReason(
  previous: StatusReading | null,
  db: Db,
  estateVersion: number,
  xmax: bigint,
  now: number,
  fullEveryMs: number,
): string | null {
  if (!previous || previous.db !== db) return "first read";
  // Components added, retired or deleted: their rows come and go without a change to follow.
  if (previous.estateVersion !== estateVersion) return "estate changed";
  if (now - previous.fullReadAt >= fullEveryMs) return "periodic";
  // Transaction ids only grow in one database: fewer means the store was replaced or restored.
  if (xmax < previous.xmax) return "transaction ids went back";
  return null;
}

/**
 * The statuses now: all rows on the first read and whenever in doubt, else the previous reading
 * with the rows written since applied. Never changes `previous`.
 */
export async function readStatuses(
  db: Db,
  previous: StatusReading | null,
  options: { estateVersion: number; now?: number; fullEveryMs?: number },
): Promise<{ reading: StatusReading; kind: ReadKind; changed: number }> {
  const now = options.now ?? Date.now();
  // Taken before the rows are read, so nothing committed in between is missed next time.
  const { xmin, xmax } = await currentSnapshot(db);
  const why = fullReadReason(
    previous,
    db,
    options.estateVersion,
    xmax,
    now,
    options.fullEveryMs ?? FULL_READ_EVERY_MS,
  );
  const base = { db, estateVersion: options.estateVersion, xmin, xmax };
  if (why || !previous) {
    const rows = await db.select().from(componentStatus);
    const statuses = new Map(rows.map((r) => [r.componentId, toStored(r)]));
    return { reading: { ...base, statuses, fullReadAt: now }, kind: "full", changed: rows.length };
  }
  const rows = await db
    .select()
    .from(componentStatus)
    .where(gte(componentStatus.writtenXid, previous.xmin.toString()));
  if (rows.length === 0)
    return {
      reading: { ...base, statuses: previous.statuses, fullReadAt: previous.fullReadAt },
      kind: "changes",
      changed: 0,
    };
  const statuses = new Map(previous.statuses);
  for (const r of rows) statuses.set(r.componentId, toStored(r));
  return {
    reading: { ...base, statuses, fullReadAt: previous.fullReadAt },
    kind: "changes",
    changed: rows.length,
  };
}
