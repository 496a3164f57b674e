/**
 * What follows a succeeded restore: ticking the manual checklist, resuming the service once the
 * checklist is done (manual items ticked, checked items true in the store), deleting a failed
 * target. Each authorizes and validates inside, changes nothing on refusal, and is audited.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { auditRefusals, recordAudit } from "../audit";
import { requireRole, type Ctx } from "../auth";
import { bumpEstateVersion, getControlPlane } from "../control-plane";
import { tables, type Db } from "../db";
import { invalidState, notFound, validationError } from "../errors";
import { parseOrThrow } from "../validation";
import { checkedItems } from "./checked-items";
import { CHECKED_ITEMS, CHECKLIST } from "./restore-types";

const { restores } = tables;

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
    const checked = CHECKED_ITEMS.find(
      (c) => typeof raw === "object" && raw !== null && (raw as { item?: unknown }).item === c.id,
    );
    if (checked)
      throw validationError(
        `item: "${checked.id}" is checked against the store, not ticked by hand`,
        { item: ["checked against the store, not ticked by hand"] },
      );
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
    const blocking: string[] = CHECKED_ITEMS.filter((c) => c.blocksResume).map((c) => c.id);
    const unmet = (await checkedItems(ctx.db, row.target)).filter(
      (c) => blocking.includes(c.id) && !c.ok,
    );
    if (unmet.length)
      throw invalidState(
        `Not yet true on ${row.target}: ${unmet.map((c) => `${c.text} (${c.found})`).join("; ")}.`,
      );
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
