/**
 * The admin's verbs on subscriptions: create (the HMAC secret shown once), delete, list. Each
 * authorizes first, validates, changes nothing on refusal, and is audited in its transaction
 * with the target's label only (a webhook URL's path and query can hold a token).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { auditRefusals, auditTarget, recordAudit } from "../../audit";
import { requireRole, type Ctx } from "../../auth";
import { tables, type Db } from "../../db";
import { notFound } from "../../errors";
import { getSettings, type Settings } from "../../settings";
import { parseOrThrow } from "../../validation";
import { forgetAudience } from "./audience";
import type { SubscriptionView } from "./notify-types";
import { checkScope, checkTarget, SubscriptionInput, SubscriptionRef } from "./subscription-input";
import { targetLabel } from "./targets";
import { lastDeliveries, toView } from "./views";

const { notificationSubscriptions: subscriptions, notificationDeliveries: deliveries } = tables;

/** The audit row's target: the name asked for, when it is text (never converted: it may be anything). */
const targetOf = (raw: unknown) => auditTarget(raw, "name");

export const newToken = () => randomBytes(24).toString("base64url");

/** Inserts a subscription row (the caller's transaction); returns it. */
export async function insertSubscription(
  tx: Db,
  row: Omit<typeof subscriptions.$inferInsert, "id" | "unsubscribeToken" | "targetLabel">,
) {
  const [inserted] = await tx
    .insert(subscriptions)
    .values({
      ...row,
      id: randomUUID(),
      targetLabel: targetLabel(row.kind as never, row.target),
      unsubscribeToken: newToken(),
    })
    .returning();
  return inserted!;
}

/**
 * An admin subscribes a receiver. For a webhook the response carries its signing secret, the
 * one time it is shown; Slack, Teams and e-mail have none (their URL or address is the secret).
 */
export async function createSubscription(
  ctx: Ctx,
  raw: unknown,
  settings: Settings = getSettings(),
): Promise<{ subscription: SubscriptionView; secret: string | null }> {
  return auditRefusals(ctx, "notifications.subscription.create", targetOf(raw), async () => {
    requireRole(ctx.actor, "admin", "Managing notification subscriptions");
    const input = parseOrThrow(SubscriptionInput, raw, "Invalid subscription");
    const target = checkTarget(input.kind, input.target, settings);
    const secret = input.kind === "webhook" ? `whsec_${newToken()}` : null;
    const row = await ctx.db.transaction(async (tx) => {
      await checkScope(tx, input.services, input.components);
      const inserted = await insertSubscription(tx, {
        kind: input.kind,
        name: input.name,
        target,
        secret,
        serviceIds: input.services,
        componentIds: input.components,
        minImpact: input.minImpact,
        events: input.events,
        createdBy: ctx.actor.name,
      });
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "notifications.subscription.create",
        target: inserted.id,
        input: {
          kind: input.kind,
          name: input.name,
          target: inserted.targetLabel,
          services: input.services,
          components: input.components,
          minImpact: input.minImpact,
          events: input.events,
        },
        outcome: "ok",
      });
      return inserted;
    });
    forgetAudience();
    return { subscription: toView(row), secret };
  });
}

/**
 * Deletes a subscription: its pending deliveries are cancelled and its target and secret
 * cleared; the row stays for the delivery log.
 */
export async function deleteSubscription(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const ref = auditTarget(raw, "id");
  return auditRefusals(ctx, "notifications.subscription.delete", ref, async () => {
    requireRole(ctx.actor, "admin", "Managing notification subscriptions");
    const { id } = parseOrThrow(SubscriptionRef, raw, "Invalid request");
    await ctx.db.transaction(async (tx) => {
      const row = await removeSubscription(tx, id, ctx.actor.name);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "notifications.subscription.delete",
        target: id,
        input: { kind: row.kind, name: row.name, target: row.targetLabel },
        outcome: "ok",
      });
    });
    forgetAudience();
    return { id };
  });
}

/** Marks a live subscription deleted (locking it) and cancels what it had waiting. */
export async function removeSubscription(tx: Db, id: string, by: string) {
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, id), isNull(subscriptions.deletedAt)))
    .for("update");
  if (!row) throw notFound(`Subscription "${id}"`);
  await tx
    .update(subscriptions)
    .set({ deletedAt: new Date(), deletedBy: by, secret: null, target: "" })
    .where(eq(subscriptions.id, id));
  await tx
    .update(deliveries)
    .set({ status: "cancelled", lastError: "the subscription was deleted" })
    .where(and(eq(deliveries.subscriptionId, id), inArray(deliveries.status, ["pending"])));
  return row;
}

/** Every live subscription, with its newest delivery. Admin only. */
export async function listSubscriptions(ctx: Ctx): Promise<SubscriptionView[]> {
  requireRole(ctx.actor, "admin", "Listing notification subscriptions");
  const rows = await ctx.db
    .select()
    .from(subscriptions)
    .where(isNull(subscriptions.deletedAt))
    .orderBy(asc(subscriptions.createdAt));
  const last = await lastDeliveries(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(r, last.get(r.id) ?? null));
}
