import "server-only";
import { eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit";
import { SYSTEM, type Actor } from "../roles";
import { tables, type Db } from "../db";
import { emitEvent } from "./events";
import { newId } from "./ids";
import type { MaintenanceStatus } from "./incident-types";
import { dueTransitions, scheduleMessage } from "./maintenance-schedule";

const { scheduledMaintenances: maintenances, maintenanceUpdates, maintenanceComponents } = tables;

/** Moves a maintenance to `to` with its update, and emits started/completed, in `tx`. */
export async function moveMaintenance(
  tx: Db,
  actor: Actor,
  id: string,
  to: MaintenanceStatus,
  body: string,
  now: Date,
): Promise<void> {
  const [row] = await tx.select().from(maintenances).where(eq(maintenances.id, id));
  if (!row) return;
  const starting = to !== "scheduled" && to !== "completed" && !row.startedAt;
  await tx
    .update(maintenances)
    .set({
      status: to,
      updatedAt: now,
      ...(starting ? { startedAt: now } : {}),
      ...(to === "completed" ? { completedAt: now } : {}),
    })
    .where(eq(maintenances.id, id));
  await tx.insert(maintenanceUpdates).values({
    id: newId(),
    maintenanceId: id,
    status: to,
    body,
    createdAt: now,
    authorKind: actor.kind,
    authorId: actor.id,
    authorName: actor.name,
  });
  const kind =
    to === "completed" && row.startedAt
      ? "maintenance.completed"
      : starting
        ? "maintenance.started"
        : null;
  if (!kind) return;
  const parts = await tx
    .select({
      componentId: maintenanceComponents.componentId,
      serviceId: tables.serviceComponents.serviceId,
    })
    .from(maintenanceComponents)
    .leftJoin(
      tables.serviceComponents,
      eq(tables.serviceComponents.componentId, maintenanceComponents.componentId),
    )
    .where(eq(maintenanceComponents.maintenanceId, id));
  await emitEvent(tx, {
    kind,
    maintenanceId: id,
    title: row.title,
    componentIds: [...new Set(parts.map((p) => p.componentId))],
    serviceIds: [...new Set(parts.flatMap((p) => (p.serviceId ? [p.serviceId] : [])))],
    at: now.toISOString(),
  });
}

/** Starts and completes maintenance on schedule. Returns what moved. */
export async function advanceMaintenance(tx: Db, now: Date) {
  const open = await tx.select().from(maintenances).where(ne(maintenances.status, "completed"));
  const due = dueTransitions(
    open.map((m) => ({ ...m, status: m.status as MaintenanceStatus })),
    now,
  );
  for (const d of due) {
    const row = open.find((m) => m.id === d.id)!;
    await moveMaintenance(tx, SYSTEM, d.id, d.to, scheduleMessage(d.to, row.title), now);
    await recordAudit(tx, {
      actor: SYSTEM,
      action: d.to === "completed" ? "maintenance.complete" : "maintenance.start",
      target: d.id,
      outcome: "ok",
      detail: "on schedule",
    });
  }
  return due;
}
