/**
 * Queueing a backup, with no one to authorize: the insert every request goes through, the
 * schedules' due slots (run by the worker), and the after-change policy (run by an operation).
 */
import { randomUUID } from "node:crypto";
import { and, eq, lte } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { BackupTrigger } from "./backup-types";
import { backupName, nextSlot } from "./retention";
import type { BackupRecord } from "./runner";

const { backups, services, backupSchedules } = tables;

/** Inserts a queued backup (inside the caller's transaction). */
export async function enqueueBackup(
  tx: Db,
  row: {
    serviceId: string;
    storeId: string;
    region: string;
    trigger: BackupTrigger;
    requestedBy: string;
    requestedAt: Date;
    name?: string;
    scheduleSlot?: Date;
    operationId?: number;
  },
): Promise<BackupRecord | null> {
  const [inserted] = await tx
    .insert(backups)
    .values({
      id: randomUUID(),
      name: row.name ?? backupName(row.serviceId, row.scheduleSlot ?? row.requestedAt),
      serviceId: row.serviceId,
      storeId: row.storeId,
      region: row.region,
      trigger: row.trigger,
      requestedAt: row.requestedAt,
      requestedBy: row.requestedBy,
      scheduleSlot: row.scheduleSlot ?? null,
      operationId: row.operationId ?? null,
      log: [
        {
          at: row.requestedAt.toISOString(),
          level: "info",
          message: `queued (${row.trigger}) by ${row.requestedBy}`,
        },
      ],
    })
    .onConflictDoNothing()
    .returning();
  return inserted ?? null;
}

/**
 * Queues the backups that are due: each due schedule row is locked (SKIP LOCKED, so instances
 * share the work) and its slot inserted once (unique per service and slot), then advanced.
 */
export async function scheduleDue(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(backupSchedules)
      .where(and(eq(backupSchedules.enabled, true), lte(backupSchedules.nextDueAt, now)))
      .for("update", { skipLocked: true });
    let queued = 0;
    for (const s of due) {
      const slot = s.nextDueAt!;
      const row = await enqueueBackup(tx, {
        serviceId: s.serviceId,
        storeId: s.storeId,
        region: s.region,
        trigger: "scheduled",
        requestedBy: "schedule",
        requestedAt: now,
        scheduleSlot: slot,
      });
      if (row) queued++;
      await tx
        .update(backupSchedules)
        .set({ nextDueAt: nextSlot(slot, s.frequencyMs, now) })
        .where(eq(backupSchedules.serviceId, s.serviceId));
    }
    return queued;
  });
}

/** The after-change policy: queue a backup right after a management operation, same transaction. */
export async function queueAfterChange(
  tx: Db,
  operation: { id: number; serviceId: string; at: Date; actorName: string },
): Promise<BackupRecord | null> {
  const [schedule] = await tx
    .select()
    .from(backupSchedules)
    .where(eq(backupSchedules.serviceId, operation.serviceId));
  if (!schedule?.afterChange) return null;
  const [service] = await tx.select().from(services).where(eq(services.id, operation.serviceId));
  if (!service || service.edition === "developer") return null;
  return enqueueBackup(tx, {
    serviceId: operation.serviceId,
    storeId: schedule.storeId,
    region: schedule.region,
    trigger: "after-change",
    requestedBy: `after-change policy (${operation.actorName})`,
    requestedAt: operation.at,
    operationId: operation.id,
    // Suffixed with the operation, so it never collides with a backup taken in the same second.
    name: `${backupName(operation.serviceId, operation.at)}-op${operation.id}`,
  });
}
