/**
 * The restore verbs: check (pre-flight) and request. Each authorizes and validates inside, changes
 * nothing on refusal, and is audited. What follows a restore is in after-restore.ts.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { auditRefusals, auditTarget, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { checkArchive } from "../backups";
import type { Stores, Manifest } from "../backups";
import { tables, type Db } from "../db";
import { conflict, invalidState, notFound, validationError } from "../errors";
import { getControlPlane, restoreTargetRefusal } from "../control-plane";
import { EDITIONS, type Edition } from "../estate/types";
import { parseOrThrow } from "../validation";
import { preflight, type PreflightFacts } from "./preflight";
import type { PreflightResult } from "./restore-types";
import { resolveSchedule, RestoreOptionFields } from "./restore-options";

const { backups, restores, services, regions } = tables;

export type RestoreDeps = {
  stores: Stores;
  /** The region's status on the live board. */
  regionStatus: (region: string) => Promise<string>;
};

const Target = z.strictObject({
  backupId: z.uuid("choose a backup"),
  target: z.string().trim().min(1, "name the service to restore into"),
  region: z.string().trim().min(1, "choose the target region"),
  edition: z.enum(EDITIONS, { message: `expected one of ${EDITIONS.join(", ")}` }),
  trackingDatabase: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/, "a database name: letters, digits and hyphens"),
  storage: z
    .string()
    .trim()
    .regex(/^[a-z0-9]{3,24}$/, "a storage account name: 3 to 24 lower-case letters and digits"),
});
export const RestoreCheck = Target;
export const RestoreRequest = Target.extend({
  ...RestoreOptionFields,
  confirm: z.string(),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "expected a random key of 8 to 100 characters"),
});
export type RestoreTarget = z.output<typeof Target>;

async function gatherFacts(
  db: Db,
  input: RestoreTarget,
  deps: RestoreDeps,
): Promise<PreflightFacts> {
  const [backup] = await db.select().from(backups).where(eq(backups.id, input.backupId));
  if (!backup) throw notFound(`Backup "${input.backupId}"`);
  const manifest = backup.manifest as Manifest | null;
  const store = deps.stores.get(backup.storeId);
  let reachable = { reachable: false, message: `store "${backup.storeId}" is not configured` };
  let archive = { ok: false, message: "the store cannot be read" };
  if (store) {
    const answers = { reachable: true, message: `${store.label} answers for ${backup.region}` };
    archive = { ok: false, message: `backup is ${backup.status}` };
    if (backup.status === "succeeded") {
      // Reading the archive is what a restore needs of its store, so it is the reachability check
      // too: the store answered when it gave the archive or said it has none.
      const found = await checkArchive(backup, deps.stores);
      archive = found;
      reachable = found.storeAnswered ? answers : { reachable: false, message: found.message };
    } else {
      try {
        await store.probe(backup.region);
        reachable = answers;
      } catch (error) {
        reachable = { reachable: false, message: (error as Error).message };
      }
    }
  }
  const [region] = await db.select().from(regions).where(eq(regions.id, input.region));
  const [existing] = await db.select().from(services).where(eq(services.id, input.target));
  const [inFlight] = await db
    .select()
    .from(restores)
    .where(and(eq(restores.target, input.target), inArray(restores.status, ["queued", "running"])));
  return {
    backup: {
      name: backup.name,
      status: backup.status,
      edition: (manifest?.edition ?? "developer") as Edition,
      serviceId: backup.serviceId,
    },
    archive: { ok: archive.ok, message: archive.message },
    store: reachable,
    target: {
      name: input.target,
      region: input.region,
      regionKnown: Boolean(region && !region.retiredAt),
      regionStatus: region ? await deps.regionStatus(input.region) : "unknown",
      edition: input.edition,
      existing: existing ? { state: existing.state, retired: existing.retiredAt !== null } : null,
    },
    inFlight: inFlight ? { id: inFlight.id, requestedBy: inFlight.requestedBy } : null,
  };
}

/** The pre-flight checks for a restore the operator is preparing. Operator. */
export async function checkRestore(
  ctx: Ctx,
  raw: unknown,
  deps: RestoreDeps,
): Promise<PreflightResult> {
  requireRole(ctx.actor, "operator", "Restoring a backup");
  const input = parseOrThrow(RestoreCheck, raw, "Invalid restore");
  return preflight(await gatherFacts(ctx.db, input, deps));
}

export type RestoreRecord = typeof restores.$inferSelect;

/**
 * Requests a restore: authorize, validate, confirm, pre-flight (recomputed here), then the
 * request and its audit row in one transaction. The same idempotency key returns the same
 * restore; a second restore into a target with one in flight is refused by the database itself.
 */
export async function requestRestore(
  ctx: Ctx,
  raw: unknown,
  deps: RestoreDeps,
): Promise<RestoreRecord> {
  const target = auditTarget(raw, "target");
  return auditRefusals(ctx, "restores.request", target, async () => {
    requireRole(ctx.actor, "operator", "Restoring a backup");
    const input = parseOrThrow(RestoreRequest, raw, "Invalid restore");
    const [again] = await ctx.db
      .select()
      .from(restores)
      .where(eq(restores.idempotencyKey, input.idempotencyKey));
    if (again) return again;
    if (input.confirm.trim() !== input.target)
      throw validationError(
        `confirm: type the target name "${input.target}" to confirm the restore`,
        {
          confirm: [`type ${input.target} to confirm`],
        },
      );
    const byKey = async () =>
      (
        await ctx.db
          .select()
          .from(restores)
          .where(eq(restores.idempotencyKey, input.idempotencyKey))
      )[0];
    const result = preflight(await gatherFacts(ctx.db, input, deps));
    if (!result.ok) {
      // A double click: the twin request may have landed while this one ran its checks.
      const twin = await byKey();
      if (twin) return twin;
      throw invalidState(
        `Pre-flight checks failed: ${result.checks
          .filter((c) => !c.ok)
          .map((c) => `${c.title}: ${c.detail}`)
          .join("; ")}.`,
      );
    }
    const [backup] = await ctx.db.select().from(backups).where(eq(backups.id, input.backupId));
    const schedule = await resolveSchedule(ctx.db, input, backup!);
    try {
      return await ctx.db.transaction(async (tx) => {
        // The world may have changed since the pre-flight read it (another restore created and
        // resumed this target meanwhile): check again, under the lock every writer of it takes.
        const refusal = restoreTargetRefusal(
          input.target,
          await getControlPlane().lockService(tx, input.target),
        );
        if (refusal) throw invalidState(`${refusal}. Nothing was changed.`);
        const [row] = await tx
          .insert(restores)
          .values({
            id: randomUUID(),
            idempotencyKey: input.idempotencyKey,
            backupId: input.backupId,
            target: input.target,
            region: input.region,
            edition: input.edition,
            trackingDatabase: input.trackingDatabase,
            storage: input.storage,
            storageReplication: input.storageReplication,
            backupSchedule: schedule,
            requestedBy: ctx.actor.name,
            log: [
              {
                at: new Date().toISOString(),
                level: "info",
                message: `requested by ${ctx.actor.name}; pre-flight passed`,
              },
            ],
          })
          .returning();
        await recordAudit(tx, {
          actor: ctx.actor,
          action: "restores.request",
          target: input.target,
          input: {
            backupId: input.backupId,
            region: input.region,
            edition: input.edition,
            storageReplication: input.storageReplication,
            backupSchedule: schedule.kind,
          },
          outcome: "ok",
        });
        return row!;
      });
    } catch (error) {
      const code =
        (error as { code?: string; cause?: { code?: string } }).cause?.code ??
        (error as { code?: string }).code;
      if (code !== "23505") throw error;
      // Lost a race: the same key (a double click) or another restore into the target.
      const [same] = await ctx.db
        .select()
        .from(restores)
        .where(eq(restores.idempotencyKey, input.idempotencyKey));
      if (same) return same;
      throw conflict(
        `Another restore into ${input.target} is already in flight; wait for it to finish.`,
      );
    }
  });
}

// Moved out to keep this file small; re-exported for callers that import them from here.
export { deleteFailedService, resumeService, tickChecklist } from "./after-restore";
