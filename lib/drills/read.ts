/** Reads of drills and drill schedules (viewer), as client-safe views. */
import { desc, eq } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { DrillScheduleView, DrillStatus, DrillView } from "./drill-types";
import type { DrillRecord } from "./requests";

const { drills, drillSchedules, services } = tables;

export async function isLiveService(db: Db, serviceId: string): Promise<boolean> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(serviceId)) return false;
  const [row] = await db
    .select({ retiredAt: services.retiredAt })
    .from(services)
    .where(eq(services.id, serviceId));
  return !!row && !row.retiredAt;
}

export function toDrillView(r: DrillRecord): DrillView {
  return {
    id: r.id,
    serviceId: r.serviceId,
    backupId: r.backupId,
    backupName: r.backupName,
    trigger: r.trigger as DrillView["trigger"],
    status: r.status as DrillStatus,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    readyAt: r.readyAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    rtoMs: r.rtoMs,
    reason: r.reason,
    sandbox: r.sandbox,
    expectedHash: r.expectedHash,
    restoredHash: r.restoredHash,
  };
}

/** A service's drills, newest first. */
export async function readDrills(db: Db, serviceId: string, limit = 20): Promise<DrillView[]> {
  const rows = await db
    .select()
    .from(drills)
    .where(eq(drills.serviceId, serviceId))
    .orderBy(desc(drills.requestedAt))
    .limit(limit);
  return rows.map(toDrillView);
}

export async function readDrill(db: Db, id: string): Promise<DrillView | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db.select().from(drills).where(eq(drills.id, id));
  return row ? toDrillView(row) : null;
}

export async function readDrillSchedule(db: Db, serviceId: string): Promise<DrillScheduleView> {
  const [row] = await db
    .select()
    .from(drillSchedules)
    .where(eq(drillSchedules.serviceId, serviceId));
  return row ? { everyDays: row.everyDays, nextDueAt: row.nextDueAt.toISOString() } : null;
}
