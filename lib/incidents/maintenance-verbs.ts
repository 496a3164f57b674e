/**
 * What people do to scheduled maintenance: schedule it, and move it along with a message. The
 * schedule itself starts and completes it (the detector pass); people may start it early,
 * verify, or complete it early. Each verb authorizes first and is audited in its transaction.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { auditRefusals, auditTarget, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { tables } from "../db";
import { invalidState, notFound, validationError } from "../errors";
import { parseOrThrow } from "../validation";
import { requireComponents } from "./component-info";
import { isId, newId } from "./ids";
import type { MaintenanceStatus } from "./incident-types";
import { MaintenanceUpdate, NewMaintenance } from "./inputs";
import { lockIncidents } from "./lock";
import { moveMaintenance } from "./maintenance-advance";
import { transitionRefusal } from "./maintenance-schedule";

const { scheduledMaintenances: maintenances, maintenanceUpdates, maintenanceComponents } = tables;

const clock = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Schedules maintenance of some components. Operator. Returns its id. */
export async function scheduleMaintenance(ctx: Ctx, raw: unknown, now = new Date()) {
  return auditRefusals(ctx, "maintenance.schedule", auditTarget(raw, "title"), async () => {
    requireRole(ctx.actor, "operator", "Scheduling maintenance");
    const input = parseOrThrow(NewMaintenance, raw, "Invalid maintenance");
    const from = new Date(input.scheduledFor);
    const until = new Date(input.scheduledUntil);
    if (until <= now)
      throw validationError("Invalid maintenance: scheduledUntil: the window has already ended", {
        scheduledUntil: ["already past: choose an end in the future"],
      });
    return ctx.db.transaction(async (tx) => {
      await lockIncidents(tx);
      const info = await requireComponents(tx, input.components);
      const id = newId();
      await tx.insert(maintenances).values({
        id,
        title: input.title,
        status: "scheduled",
        scheduledFor: from,
        scheduledUntil: until,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.name,
      });
      await tx
        .insert(maintenanceComponents)
        .values([...info.keys()].map((componentId) => ({ maintenanceId: id, componentId })));
      await tx.insert(maintenanceUpdates).values({
        id: newId(),
        maintenanceId: id,
        status: "scheduled",
        body:
          input.message ??
          `Maintenance of ${[...info.values()].map((c) => c.name).join(", ")} is scheduled from ${clock(from)} to ${clock(until)}.`,
        createdAt: now,
        authorKind: ctx.actor.kind,
        authorId: ctx.actor.id,
        authorName: ctx.actor.name,
      });
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "maintenance.schedule",
        target: id,
        input: {
          title: input.title,
          scheduledFor: input.scheduledFor,
          scheduledUntil: input.scheduledUntil,
          components: [...info.keys()],
        },
        outcome: "ok",
      });
      return id;
    });
  });
}

/** Posts a maintenance update, moving it to `status` (or keeping it there). Operator. */
export async function updateMaintenance(ctx: Ctx, id: string, raw: unknown, now = new Date()) {
  return auditRefusals(ctx, "maintenance.update", id, async () => {
    requireRole(ctx.actor, "operator", "Updating maintenance");
    const input = parseOrThrow(MaintenanceUpdate, raw, "Invalid maintenance update");
    return ctx.db.transaction(async (tx) => {
      await lockIncidents(tx);
      const [row] = isId(id)
        ? await tx.select().from(maintenances).where(eq(maintenances.id, id)).for("update")
        : [];
      if (!row) throw notFound(`Maintenance "${id}"`);
      const refusal = transitionRefusal(row.status as MaintenanceStatus, input.status);
      if (refusal) throw invalidState(refusal);
      await moveMaintenance(tx, ctx.actor, id, input.status, input.message, now);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "maintenance.update",
        target: id,
        input: { from: row.status, status: input.status },
        outcome: "ok",
      });
    });
  });
}
