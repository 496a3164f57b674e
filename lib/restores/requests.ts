/**
 * The restore verbs: check (pre-flight), request, tick the checklist, resume, delete a failed
 * target. Each authorizes and validates inside, changes nothing on refusal, and is audited.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { auditRefusals, auditTarget, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { checkArchive } from "../backups";
import type { Stores, Manifest } from "../backups";
import { tables, type Db } from "../db";
import { conflict, invalidState, notFound, validationError } from "../errors";
import { getControlPlane, restoreTargetRefusal } from "../control-plane";
import { bumpEstateVersion } from "../estate";
import { EDITIONS, type Edition } from "../estate/types";
import { parseOrThrow } from "../validation";
import { preflight, type PreflightFacts } from "./preflight";
import { CHECKLIST, type PreflightResult } from "./restore-types";

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
  if (store) {
    try {
      await store.probe(backup.region);
      reachable = { reachable: true, message: `${store.label} answers for ${backup.region}` };
    } catch (error) {
      reachable = { reachable: false, message: (error as Error).message };
    }
  }
  const archive =
    backup.status === "succeeded" && reachable.reachable
      ? await checkArchive(backup, deps.stores)
      : {
          ok: false,
          message: reachable.reachable ? `backup is ${backup.status}` : "the store cannot be read",
        };
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
          input: { backupId: input.backupId, region: input.region, edition: input.edition },
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

async function loadRestore(db: Db, id: string) {
  if (!z.uuid().safeParse(id).success) throw notFound(`Restore "${id}"`);
  const [row] = await db.select().from(restores).where(eq(restores.id, id));
  if (!row) throw notFound(`Restore "${id}"`);
  return row;
}

/** Ticks (or unticks) one item of the post-restore checklist. Operator. */
export async function tickChecklist(ctx: Ctx, id: string, raw: unknown) {
  return auditRefusals(ctx, "restores.checklist", id, async () => {
    requireRole(ctx.actor, "operator", "The post-restore checklist");
    const input = parseOrThrow(
      z.strictObject({
        item: z.enum(CHECKLIST.map((c) => c.id) as [string, ...string[]]),
        done: z.boolean(),
      }),
      raw,
      "Invalid checklist change",
    );
    const row = await loadRestore(ctx.db, id);
    if (row.status !== "succeeded")
      throw invalidState(
        `The checklist starts once the restore has succeeded; it is ${row.status}.`,
      );
    const value = input.done ? { by: ctx.actor.name, at: new Date().toISOString() } : null;
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(restores)
        .set({
          checklist: sql`${restores.checklist} || ${JSON.stringify({ [input.item]: value })}::jsonb`,
        })
        .where(eq(restores.id, id));
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "restores.checklist",
        target: row.target,
        input: { item: input.item, done: input.done },
        outcome: "ok",
      });
    });
  });
}

/** Resumes the restored service once every checklist item is ticked. Operator. */
export async function resumeService(ctx: Ctx, id: string) {
  return auditRefusals(ctx, "restores.resume", id, async () => {
    requireRole(ctx.actor, "operator", "Resuming a restored service");
    const row = await loadRestore(ctx.db, id);
    if (row.status !== "succeeded")
      throw invalidState(`Restore is ${row.status}: only a succeeded restore can be resumed.`);
    const checklist = row.checklist as Record<string, unknown>;
    const open = CHECKLIST.filter((c) => !checklist[c.id]);
    if (open.length)
      throw invalidState(`Tick the checklist first: ${open.map((c) => c.text).join("; ")}.`);
    await ctx.db.transaction(async (tx) => {
      // suspended → active, only while this restore still owns the service (checked there).
      await getControlPlane().setState(tx, row.target, {
        to: "active",
        reason: `resumed by ${ctx.actor.name}`,
        restoreId: row.id,
      });
      const now = new Date();
      await tx
        .update(restores)
        .set({ resumedAt: now, resumedBy: ctx.actor.name })
        .where(eq(restores.id, id));
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "restores.resume",
        target: row.target,
        outcome: "ok",
      });
      await bumpEstateVersion(tx);
    });
  });
}

/** Deletes a service left in restore_failed (the only thing allowed there). Operator. */
export async function deleteFailedService(ctx: Ctx, serviceId: string) {
  return auditRefusals(ctx, "services.delete", serviceId, async () => {
    requireRole(ctx.actor, "operator", "Deleting a failed service");
    await ctx.db.transaction(async (tx) => {
      // restore_failed → deleted, the only way out of restore_failed but a new restore (checked there).
      await getControlPlane().retire(tx, serviceId);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "services.delete",
        target: serviceId,
        outcome: "ok",
      });
      await bumpEstateVersion(tx);
    });
  });
}
