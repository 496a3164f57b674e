import "server-only";
import { eq, inArray } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { MaintenanceInForce } from "./maintenance-overlay";

const { maintenanceComponents, scheduledMaintenances } = tables;

/** While in one of these, a maintenance's components show under_maintenance and open no incidents. */
const ACTIVE = ["in_progress", "verifying"] as const;

/** Components in a maintenance that is in progress or being verified: they show under_maintenance. */
export async function readMaintenanceInForce(db: Db): Promise<MaintenanceInForce[]> {
  const rows = await db
    .select({
      componentId: maintenanceComponents.componentId,
      title: scheduledMaintenances.title,
      startedAt: scheduledMaintenances.startedAt,
      scheduledFor: scheduledMaintenances.scheduledFor,
      scheduledUntil: scheduledMaintenances.scheduledUntil,
    })
    .from(maintenanceComponents)
    .innerJoin(
      scheduledMaintenances,
      eq(scheduledMaintenances.id, maintenanceComponents.maintenanceId),
    )
    .where(inArray(scheduledMaintenances.status, [...ACTIVE]));
  return rows.map((r) => ({
    componentId: r.componentId,
    title: r.title,
    startedAt: r.startedAt ?? r.scheduledFor,
    scheduledUntil: r.scheduledUntil,
  }));
}
