/**
 * The write verbs of backups: take one on demand, set a schedule. Each verb authorizes and
 * validates first, changes nothing on refusal, and is audited. Queueing itself is in ./enqueue.
 */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditRefusals, auditTarget, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { tables, type Db } from "../db";
import { conflict, invalidState, notFound, validationError } from "../errors";
import { DurationText } from "../time/duration-types";
import { formatAge } from "../time";
import { parseOrThrow } from "../validation";
import { BACKUP_ALLOWED_STATES } from "./backup-types";
import { enqueueBackup } from "./enqueue";
import type { Stores } from "./registry";
import { backupName } from "./retention";
import type { BackupRecord } from "./runner";

const { services, backupSchedules, regions } = tables;

const NAME = /^[a-z0-9][a-z0-9-]{0,99}$/;
const Name = z
  .string()
  .trim()
  .regex(
    NAME,
    "use 1 to 100 lower-case letters, digits and hyphens, starting with a letter or digit",
  );

export const BackupRequest = z.strictObject({
  service: z.string().trim().min(1, "choose a service"),
  name: Name.optional(),
  store: z.string().trim().min(1, "choose a backup store").optional(),
  region: z.string().trim().min(1, "choose a region").optional(),
});

async function checkService(db: Db, serviceId: string) {
  const [service] = await db.select().from(services).where(eq(services.id, serviceId));
  if (!service || service.retiredAt) throw notFound(`Service "${serviceId}"`);
  if (service.edition === "developer")
    throw invalidState(
      `${serviceId} runs the developer edition, which cannot be backed up; move it to basic or higher.`,
    );
  if (!(BACKUP_ALLOWED_STATES as readonly string[]).includes(service.state))
    throw invalidState(
      `Backups are not allowed in state ${service.state}; ${serviceId} must be ${BACKUP_ALLOWED_STATES.join(", ")}.`,
    );
  return service;
}

async function checkTarget(db: Db, stores: Stores, storeId: string, region: string) {
  const store = stores.get(storeId);
  if (!store)
    throw validationError(
      `store: no backup store "${storeId}"; choose one of ${stores
        .list()
        .map((s) => s.id)
        .join(", ")}`,
      {
        store: [
          `unknown store; choose one of ${stores
            .list()
            .map((s) => s.id)
            .join(", ")}`,
        ],
      },
    );
  const [known] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.id, region), isNull(regions.retiredAt)));
  if (!known) {
    const all = await db.select({ id: regions.id }).from(regions).where(isNull(regions.retiredAt));
    throw validationError(
      `region: "${region}" is not a region of this estate; choose one of ${all.map((r) => r.id).join(", ")}`,
      { region: ["not a region of this estate"] },
    );
  }
  return store;
}

/** An operator takes a backup now. Returns the queued row; the worker takes it from there. */
export async function requestBackup(
  ctx: Ctx,
  raw: unknown,
  options: { stores: Stores; now?: Date },
): Promise<BackupRecord> {
  const target = auditTarget(raw, "service");
  return auditRefusals(ctx, "backups.request", target, async () => {
    requireRole(ctx.actor, "operator", "Taking a backup");
    const input = parseOrThrow(BackupRequest, raw, "Invalid backup request");
    const now = options.now ?? new Date();
    return ctx.db.transaction(async (tx) => {
      const service = await checkService(tx, input.service);
      const [schedule] = await tx
        .select()
        .from(backupSchedules)
        .where(eq(backupSchedules.serviceId, service.id));
      const storeId = input.store ?? schedule?.storeId ?? options.stores.list()[0]!.id;
      const region = input.region ?? schedule?.region ?? service.region;
      await checkTarget(tx, options.stores, storeId, region);
      const row = await enqueueBackup(tx, {
        serviceId: service.id,
        storeId,
        region,
        trigger: "on-demand",
        requestedBy: ctx.actor.name,
        requestedAt: now,
        name: input.name,
      });
      if (!row)
        throw conflict(
          `A backup named ${input.name ?? backupName(service.id, now)} already exists in ${storeId}/${region}; choose another name.`,
        );
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "backups.request",
        target: service.id,
        input: { name: row.name, store: storeId, region },
        outcome: "ok",
      });
      return row;
    });
  });
}

export const ScheduleInput = z
  .strictObject({
    enabled: z.boolean().default(true),
    frequency: DurationText.describe("how often, e.g. 1d or 12h"),
    retention: DurationText.describe("how long archives are kept, e.g. 7d"),
    keepAtLeastOne: z.boolean().default(true),
    store: z.string().trim().min(1, "choose a backup store"),
    region: z.string().trim().min(1, "choose a region"),
    afterChange: z.boolean().default(false),
  })
  .refine((s) => s.frequency >= 3_600_000, {
    message: "must be at least 1h",
    path: ["frequency"],
  })
  .refine((s) => s.frequency <= 7 * 86_400_000, {
    message: "must be at most 7d (the RPO rule wants a daily backup)",
    path: ["frequency"],
  })
  .refine((s) => s.retention > s.frequency, {
    message: "must be longer than the frequency, or a schedule would remove what it just took",
    path: ["retention"],
  })
  .refine((s) => s.retention <= 366 * 86_400_000, {
    message: "must be at most 366d",
    path: ["retention"],
  });

/** An admin sets (or replaces) a service's backup schedule. */
export async function setSchedule(
  ctx: Ctx,
  serviceId: string,
  raw: unknown,
  options: { stores: Stores; now?: Date },
) {
  return auditRefusals(ctx, "backups.schedule", serviceId, async () => {
    requireRole(ctx.actor, "admin", "Changing a backup schedule");
    const input = parseOrThrow(ScheduleInput, raw, "Invalid schedule");
    const now = options.now ?? new Date();
    return ctx.db.transaction(async (tx) => {
      const service = await checkService(tx, serviceId);
      await checkTarget(tx, options.stores, input.store, input.region);
      const values = {
        enabled: input.enabled,
        frequencyMs: input.frequency,
        retentionMs: input.retention,
        keepAtLeastOne: input.keepAtLeastOne,
        storeId: input.store,
        region: input.region,
        afterChange: input.afterChange,
        nextDueAt: input.enabled ? new Date(now.getTime() + input.frequency) : null,
        updatedAt: now,
        updatedBy: ctx.actor.name,
      };
      const [row] = await tx
        .insert(backupSchedules)
        .values({ serviceId: service.id, ...values })
        .onConflictDoUpdate({ target: backupSchedules.serviceId, set: values })
        .returning();
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "backups.schedule",
        target: service.id,
        input: {
          enabled: input.enabled,
          frequency: formatAge(input.frequency),
          retention: formatAge(input.retention),
          store: input.store,
          region: input.region,
          afterChange: input.afterChange,
        },
        outcome: "ok",
      });
      return row!;
    });
  });
}
