/** The rows behind the incident verbs: reading one for update, checking components are free, events and updates. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../auth";
import { tables, type Db } from "../db";
import { conflict, notFound } from "../errors";
import { readComponentInfo, servicesOf, type ComponentInfo } from "./component-info";
import { emitEvent, kickNotifications, type IncidentEvent } from "./events";
import { isId, newId } from "./ids";
import type { Impact } from "./incident-types";

/** A verb's transaction; once it has committed, this process sends what it announced now. */
export const inTransaction = <T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> =>
  db.transaction(fn).finally(kickNotifications);

const { incidents, incidentUpdates, incidentComponents } = tables;
export type IncidentKind = Extract<IncidentEvent, { incidentId: string }>["kind"];
export type IncidentRow = typeof incidents.$inferSelect;

export async function readForUpdate(tx: Db, id: string): Promise<IncidentRow> {
  const [row] = isId(id)
    ? await tx.select().from(incidents).where(eq(incidents.id, id)).for("update")
    : [];
  if (!row) throw notFound(`Incident "${id}"`);
  return row;
}

/** Refuses components that are in another unresolved incident, naming it. */
export async function assertFree(tx: Db, ids: string[], incidentId: string | null) {
  if (ids.length === 0) return;
  const taken = await tx
    .select({
      componentId: incidentComponents.componentId,
      incidentId: incidentComponents.incidentId,
    })
    .from(incidentComponents)
    .where(and(inArray(incidentComponents.componentId, ids), eq(incidentComponents.open, true)));
  const elsewhere = taken.filter((t) => t.incidentId !== incidentId);
  if (elsewhere.length)
    throw conflict(
      `Already in another open incident: ${elsewhere.map((t) => `${t.componentId} (incident ${t.incidentId})`).join(", ")}. Update that incident instead.`,
    );
}

export async function eventOf(
  tx: Db,
  kind: IncidentKind,
  id: string,
  message: string | null,
  now: Date,
) {
  const [row] = await tx.select().from(incidents).where(eq(incidents.id, id));
  const parts = await tx
    .select({ componentId: incidentComponents.componentId })
    .from(incidentComponents)
    .where(and(eq(incidentComponents.incidentId, id), isNull(incidentComponents.removedAt)));
  const ids = parts.map((p) => p.componentId);
  const info = await readComponentInfo(tx, ids);
  await emitEvent(tx, {
    kind,
    incidentId: id,
    title: row!.title,
    status: row!.status,
    impact: row!.impact as Impact,
    message,
    componentIds: ids,
    serviceIds: servicesOf(info),
    at: now.toISOString(),
  });
}

export async function addUpdate(
  tx: Db,
  ctx: Ctx,
  incidentId: string,
  status: string,
  body: string,
  now: Date,
  affected: { code: string; name: string; old_status: string; new_status: string }[] = [],
) {
  await tx.insert(incidentUpdates).values({
    id: newId(),
    incidentId,
    status,
    body,
    createdAt: now,
    authorKind: ctx.actor.kind,
    authorId: ctx.actor.id,
    authorName: ctx.actor.name,
    affectedComponents: affected.length ? affected : null,
  });
}

export const componentRow = (incidentId: string, c: ComponentInfo, by: string, now: Date) => ({
  incidentId,
  componentId: c.id,
  addedAt: now,
  addedBy: by,
  worstStatus: c.status,
  lastStatus: c.status,
});
