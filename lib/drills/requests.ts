/**
 * The drill verbs: request a drill (operator) and set a service's drill schedule (admin). Each
 * authorizes and validates first, changes nothing on refusal, and is audited.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { auditRefusals, recordAudit } from "../audit";
import { requireRole, type Actor, type Ctx } from "../auth";
import { tables, type Db } from "../db";
import { driverError } from "../db";
import { invalidState, notFound, validationError } from "../errors";
import { parseOrThrow } from "../validation";
import { DRILL_EVERY_DAYS } from "./drill-types";

const { backups, drills, drillSchedules, services } = tables;
const DAY = 86_400_000;

export type DrillRecord = typeof drills.$inferSelect;

export const DrillRequest = z.strictObject({
  backupId: z.uuid({ error: "backupId: a backup id (UUID)" }).optional(),
});

export const DrillSchedule = z.strictObject({
  everyDays: z
    .number({ error: `everyDays: a whole number of days, or null for off` })
    .int({ error: "everyDays: a whole number of days" })
    .min(DRILL_EVERY_DAYS.min, { error: `everyDays: at least ${DRILL_EVERY_DAYS.min}` })
    .max(DRILL_EVERY_DAYS.max, { error: `everyDays: at most ${DRILL_EVERY_DAYS.max}` })
    .nullable(),
});

const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/i;

async function liveService(db: Db, serviceId: string) {
  if (!SERVICE_ID.test(serviceId)) throw notFound(`Service "${serviceId.slice(0, 80)}"`);
  const [row] = await db.select().from(services).where(eq(services.id, serviceId));
  if (!row || row.retiredAt) throw notFound(`Service "${serviceId}"`);
  return row;
}

export const inFlightDrill = async (db: Db, serviceId: string) =>
  (
    await db
      .select()
      .from(drills)
      .where(and(eq(drills.serviceId, serviceId), inArray(drills.status, ["queued", "running"])))
  )[0];

/** The backup a drill restores: the one asked for, or the service's newest good one. */
async function pickBackup(db: Db, serviceId: string, backupId: string | undefined) {
  const good = and(
    eq(backups.serviceId, serviceId),
    eq(backups.status, "succeeded"),
    isNotNull(backups.sha256),
  );
  const [row] = await db
    .select()
    .from(backups)
    .where(backupId ? and(good, eq(backups.id, backupId)) : good)
    .orderBy(desc(backups.finishedAt))
    .limit(1);
  if (row) return row;
  if (!backupId) throw invalidState(`${serviceId} has no succeeded backup to drill.`);
  const [any] = await db.select().from(backups).where(eq(backups.id, backupId));
  if (!any || any.serviceId !== serviceId)
    throw validationError(`backupId: no backup ${backupId} of ${serviceId}`, {
      backupId: [`not a backup of ${serviceId}`],
    });
  throw invalidState(
    `Backup ${any.name} is ${any.status}: only a succeeded backup can be drilled.`,
  );
}

/**
 * Requests a drill of a service (operator). A drill already queued or running for the service is
 * returned instead of a second one (a double click, two tabs): the database allows one in flight.
 */
export async function requestDrill(
  ctx: Ctx,
  serviceId: string,
  raw: unknown,
  trigger: "operator" | "schedule" = "operator",
): Promise<DrillRecord> {
  return auditRefusals(ctx, "drills.request", serviceId.slice(0, 200), async () => {
    requireRole(ctx.actor, "operator", "Running a restore drill");
    const input = parseOrThrow(DrillRequest, raw ?? {}, "Invalid drill");
    await liveService(ctx.db, serviceId);
    const running = await inFlightDrill(ctx.db, serviceId);
    if (running) return running;
    const backup = await pickBackup(ctx.db, serviceId, input.backupId);
    const id = randomUUID();
    try {
      return await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(drills)
          .values({
            id,
            serviceId,
            backupId: backup.id,
            backupName: backup.name,
            trigger,
            requestedBy: ctx.actor.name,
            sandbox: `drill-${id.slice(0, 8)}`,
            expectedHash: backup.sha256,
          })
          .returning();
        await recordAudit(tx, {
          actor: ctx.actor,
          action: "drills.request",
          target: serviceId,
          input: { backup: backup.name, trigger },
          outcome: "ok",
        });
        return row!;
      });
    } catch (error) {
      if (driverError(error)?.code !== "23505") throw error;
      // Lost the race to a twin request: that drill is this one.
      const twin = await inFlightDrill(ctx.db, serviceId);
      if (twin) return twin;
      throw error;
    }
  });
}

/** Sets (or switches off, with null) a service's drill schedule. Admin. */
export async function setDrillSchedule(
  ctx: Ctx,
  serviceId: string,
  raw: unknown,
  now = new Date(),
) {
  return auditRefusals(ctx, "drills.schedule", serviceId.slice(0, 200), async () => {
    requireRole(ctx.actor, "admin", "Scheduling restore drills");
    const input = parseOrThrow(DrillSchedule, raw, "Invalid drill schedule");
    await liveService(ctx.db, serviceId);
    await ctx.db.transaction(async (tx) => {
      if (input.everyDays === null)
        await tx.delete(drillSchedules).where(eq(drillSchedules.serviceId, serviceId));
      else {
        const values = {
          everyDays: input.everyDays,
          nextDueAt: new Date(now.getTime() + input.everyDays * DAY),
          updatedAt: now,
          updatedBy: ctx.actor.name,
        };
        await tx
          .insert(drillSchedules)
          .values({ serviceId, ...values })
          .onConflictDoUpdate({ target: drillSchedules.serviceId, set: values });
      }
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "drills.schedule",
        target: serviceId,
        input: { everyDays: input.everyDays },
        outcome: "ok",
      });
    });
  });
}

/** Requests the drills whose schedule is due, as the system; the services drilled. */
export async function requestDueDrills(db: Db, system: Actor, now = new Date()): Promise<string[]> {
  const due = await db.select().from(drillSchedules);
  const started: string[] = [];
  for (const schedule of due.filter((s) => s.nextDueAt <= now)) {
    const moved = await db
      .update(drillSchedules)
      .set({ nextDueAt: new Date(now.getTime() + schedule.everyDays * DAY) })
      .where(
        and(
          eq(drillSchedules.serviceId, schedule.serviceId),
          eq(drillSchedules.nextDueAt, schedule.nextDueAt),
        ),
      )
      .returning();
    if (!moved.length) continue; // another instance took this slot
    try {
      await requestDrill({ actor: system, db }, schedule.serviceId, {}, "schedule");
      started.push(schedule.serviceId);
    } catch {
      // Refusals (no backup yet) are audited by requestDrill; the next slot tries again.
    }
  }
  return started;
}
