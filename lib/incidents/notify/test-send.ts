/**
 * An admin's "Send a test": a test event and its one delivery go through the outbox like any
 * other (so the delivery log shows it), and are sent at once, in the request, by the same code
 * the worker runs. The answer is what the receiver said, in words.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { auditRefusals, auditTarget, recordAudit } from "../../audit";
import { requireRole, type Ctx } from "../../auth";
import { tables } from "../../db";
import { notFound } from "../../errors";
import { getSettings, type Settings } from "../../settings";
import { parseOrThrow } from "../../validation";
import { DEFAULT_RETRY } from "./backoff";
import { claimById } from "./claim";
import { deliverClaimed } from "./deliver";
import type { TestEvent } from "./events";
import type { DeliveryStatus } from "./notify-types";
import { writeEvent } from "./outbox";
import { sendDepsFrom } from "./registry";
import { SubscriptionRef } from "./subscription-input";

const { notificationSubscriptions: subscriptions, notificationDeliveries: deliveries } = tables;

export async function sendTest(
  ctx: Ctx,
  raw: unknown,
  settings: Settings = getSettings(),
): Promise<{ deliveryId: number; status: DeliveryStatus; error: string | null; name: string }> {
  const ref = auditTarget(raw, "id");
  return auditRefusals(ctx, "notifications.subscription.test", ref, async () => {
    requireRole(ctx.actor, "admin", "Sending a test notification");
    const { id } = parseOrThrow(SubscriptionRef, raw, "Invalid request");
    const { deliveryId, name } = await ctx.db.transaction(async (tx) => {
      const [sub] = await tx
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.id, id), isNull(subscriptions.deletedAt)));
      if (!sub) throw notFound(`Subscription "${id}"`);
      const event: TestEvent = {
        kind: "test",
        subscriptionName: sub.name,
        requestedBy: ctx.actor.name,
        at: new Date().toISOString(),
      };
      const eventId = (await writeEvent(tx, event, [sub.id]))!;
      const [row] = await tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(eq(deliveries.eventId, eventId), eq(deliveries.subscriptionId, sub.id)));
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "notifications.subscription.test",
        target: sub.id,
        input: { name: sub.name, target: sub.targetLabel },
        outcome: "ok",
      });
      return { deliveryId: row!.id, name: sub.name };
    });
    const deps = sendDepsFrom(settings);
    const sender = `test-${randomUUID().slice(0, 8)}`;
    const claimed = await claimById(ctx.db, deliveryId, sender, deps.timeoutMs * 3);
    // A worker may have taken it first; it then reports in the delivery log.
    if (claimed) await deliverClaimed(ctx.db, claimed, sender, deps, DEFAULT_RETRY);
    const [after] = await ctx.db
      .select({ status: deliveries.status, error: deliveries.lastError })
      .from(deliveries)
      .where(eq(deliveries.id, deliveryId));
    return { deliveryId, status: after!.status as DeliveryStatus, error: after!.error, name };
  });
}
