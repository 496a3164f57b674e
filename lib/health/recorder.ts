import { inArray, sql } from "drizzle-orm";
import { chunks, tables, type Db } from "../db";
import { kickNotifications, emitStatusChanges } from "../incidents/notify";
import type { Status } from "../status/vocabulary";

const { samples, componentStatus, statusChanges } = tables;

export type Outcome =
  | {
      ok: true;
      componentId: string;
      at: Date;
      status: Status;
      latencyMs: number | null;
      reason: string | null;
      detail: unknown;
    }
  | { ok: false; componentId: string; at: Date; error: string };

export type Current = {
  status: Status;
  since: Date;
  checkedAt: Date | null;
  reason: string | null;
};

export async function loadCurrent(db: Db, ids?: string[]): Promise<Map<string, Current>> {
  const rows = await db
    .select()
    .from(componentStatus)
    .where(ids ? inArray(componentStatus.componentId, ids) : undefined);
  return new Map(
    rows.map((r) => [
      r.componentId,
      { status: r.status as Status, since: r.since, checkedAt: r.checkedAt, reason: r.reason },
    ]),
  );
}

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/**
 * Writes a batch of read outcomes in one transaction: samples for good reads, the current status
 * of each component, and a status-change row whenever a status changes. A failed read leaves the
 * status alone until the newest good reading is older than the staleness limit; then the change
 * to `unknown` is recorded, so history shows when the data went stale.
 */
export async function recordOutcomes(
  db: Db,
  outcomes: Outcome[],
  current: Map<string, Current>,
  staleAfter: (id: string) => number,
): Promise<void> {
  if (outcomes.length === 0) return;
  const sampleRows: (typeof samples.$inferInsert)[] = [];
  const statusRows = new Map<string, typeof componentStatus.$inferInsert>();
  const changes: (typeof statusChanges.$inferInsert)[] = [];
  const failures = new Map<string, { at: Date; error: string }>();
  // Changes are staged here and applied to `current` only once the transaction commits.
  const staged = new Map<string, Current>();
  const get = (id: string) => staged.get(id) ?? current.get(id);

  for (const o of outcomes) {
    const prev = get(o.componentId);
    if (o.ok) {
      sampleRows.push({
        componentId: o.componentId,
        at: o.at,
        status: o.status,
        latencyMs: o.latencyMs,
        reason: o.reason,
      });
      const changed = !prev || prev.status !== o.status;
      if (changed)
        changes.push({
          componentId: o.componentId,
          at: o.at,
          fromStatus: prev?.status ?? null,
          toStatus: o.status,
          reason: o.reason,
        });
      const next: Current = {
        status: o.status,
        since: changed ? o.at : prev.since,
        checkedAt: o.at,
        reason: o.reason,
      };
      staged.set(o.componentId, next);
      failures.delete(o.componentId);
      statusRows.set(o.componentId, {
        componentId: o.componentId,
        ...next,
        latencyMs: o.latencyMs,
        detail: o.detail ?? null,
        attemptAt: o.at,
        attemptError: null,
      });
      continue;
    }
    failures.set(o.componentId, { at: o.at, error: o.error });
    const limit = staleAfter(o.componentId);
    const stale = !prev?.checkedAt || o.at.getTime() - prev.checkedAt.getTime() > limit;
    if (stale && prev?.status !== "unknown") {
      const since = prev?.checkedAt ? new Date(prev.checkedAt.getTime() + limit) : o.at;
      const reason = `no fresh data: ${o.error}`;
      changes.push({
        componentId: o.componentId,
        at: since,
        fromStatus: prev?.status ?? null,
        toStatus: "unknown",
        reason,
      });
      const next: Current = {
        status: "unknown",
        since,
        checkedAt: prev?.checkedAt ?? null,
        reason,
      };
      staged.set(o.componentId, next);
      statusRows.set(o.componentId, {
        componentId: o.componentId,
        ...next,
        latencyMs: null,
        detail: null,
        attemptAt: o.at,
        attemptError: o.error,
      });
      failures.delete(o.componentId);
    }
  }

  let announced = 0;
  await db.transaction(async (tx) => {
    // A big estate's first pass can bring thousands of readings in one flush: insert in chunks,
    // or one statement exceeds the protocol's 65,535 parameters and every flush after it fails.
    for (const batch of chunks(sampleRows))
      await tx.insert(samples).values(batch).onConflictDoNothing();
    for (const rows of chunks([...statusRows.values()])) {
      await tx
        .insert(componentStatus)
        .values(rows)
        .onConflictDoUpdate({
          target: componentStatus.componentId,
          set: {
            status: excluded("status"),
            reason: excluded("reason"),
            since: excluded("since"),
            checkedAt: excluded("checked_at"),
            latencyMs: excluded("latency_ms"),
            detail: excluded("detail"),
            attemptAt: excluded("attempt_at"),
            attemptError: excluded("attempt_error"),
          },
        });
    }
    const failed = [...failures].map(([componentId, f]) => {
      const prev = get(componentId);
      if (!prev)
        staged.set(componentId, { status: "unknown", since: f.at, checkedAt: null, reason: null });
      return {
        componentId,
        status: prev?.status ?? "unknown",
        since: prev?.since ?? f.at,
        checkedAt: prev?.checkedAt ?? null,
        reason: prev?.reason ?? null,
        attemptAt: f.at,
        attemptError: f.error,
      };
    });
    for (const rows of chunks(failed)) {
      await tx
        .insert(componentStatus)
        .values(rows)
        .onConflictDoUpdate({
          target: componentStatus.componentId,
          set: { attemptAt: excluded("attempt_at"), attemptError: excluded("attempt_error") },
        });
    }
    for (const batch of chunks(changes)) await tx.insert(statusChanges).values(batch);
    // Notifications of these changes commit with them, or not at all.
    announced = await emitStatusChanges(tx, changes, db);
  });
  if (announced) kickNotifications();
  for (const [id, next] of staged) current.set(id, next);
}
