/**
 * A signed-in person subscribes their own e-mail address (any role): the address is the one they
 * signed in with, so there is nothing to confirm. Every e-mail carries a link with a token that
 * stops it without signing in.
 */
import { and, eq, isNull } from "drizzle-orm";
import { auditRefusals, recordAudit } from "../../audit";
import { requireRole, type Ctx } from "../../auth";
import { tables, type Db } from "../../db";
import { invalidState, notFound } from "../../errors";
import { getSettings, type Settings } from "../../settings";
import { parseOrThrow } from "../../validation";
import { forgetAudience } from "./audience";
import type { SubscriptionView } from "./notify-types";
import {
  assertEmailConfigured,
  checkScope,
  SelfSubscriptionInput,
  UnsubscribeInput,
} from "./subscription-input";
import { insertSubscription, removeSubscription } from "./subscriptions";
import { toView } from "./views";

const { notificationSubscriptions: subscriptions, users } = tables;

async function addressOf(ctx: Ctx): Promise<string> {
  if (ctx.actor.kind !== "user")
    throw invalidState(
      "Only a signed-in person can subscribe their own address; an API token has no e-mail address.",
    );
  const [user] = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, ctx.actor.id));
  if (!user) throw notFound(`User "${ctx.actor.id}"`);
  return user.email;
}

const ownRow = (db: Db, userId: string) =>
  db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.ownerUserId, userId), isNull(subscriptions.deletedAt)));

/** The caller's own e-mail subscription and address; null subscription when there is none. */
export async function getOwnSubscription(
  ctx: Ctx,
): Promise<{ email: string | null; subscription: SubscriptionView | null }> {
  requireRole(ctx.actor, "viewer", "Reading your notification settings");
  if (ctx.actor.kind !== "user") return { email: null, subscription: null };
  const email = await addressOf(ctx);
  const [row] = await ownRow(ctx.db, ctx.actor.id);
  return { email, subscription: row ? toView(row) : null };
}

/** Subscribes the caller's own address, or changes what their subscription receives. */
export async function subscribeSelf(
  ctx: Ctx,
  raw: unknown,
  settings: Settings = getSettings(),
): Promise<SubscriptionView> {
  return auditRefusals(ctx, "notifications.self.subscribe", ctx.actor.id, async () => {
    requireRole(ctx.actor, "viewer", "Subscribing to notifications");
    const input = parseOrThrow(SelfSubscriptionInput, raw, "Invalid subscription");
    assertEmailConfigured(settings);
    const email = await addressOf(ctx);
    const row = await ctx.db.transaction(async (tx) => {
      await checkScope(tx, input.services, []);
      const [existing] = await ownRow(tx, ctx.actor.id).for("update");
      const filters = {
        serviceIds: input.services,
        minImpact: input.minImpact,
        events: input.events,
      };
      const saved = existing
        ? (
            await tx
              .update(subscriptions)
              .set({ ...filters, target: email, targetLabel: email })
              .where(eq(subscriptions.id, existing.id))
              .returning()
          )[0]!
        : await insertSubscription(tx, {
            kind: "email",
            name: `E-mail to ${email}`,
            target: email,
            secret: null,
            componentIds: [],
            ownerUserId: ctx.actor.id,
            createdBy: ctx.actor.name,
            ...filters,
          });
      await recordAudit(tx, {
        actor: ctx.actor,
        action: existing ? "notifications.self.update" : "notifications.self.subscribe",
        target: saved.id,
        input: {
          email,
          services: input.services,
          minImpact: input.minImpact,
          events: input.events,
        },
        outcome: "ok",
      });
      return saved;
    });
    forgetAudience();
    return toView(row);
  });
}

/** Stops the caller's own e-mail subscription. */
export async function unsubscribeSelf(ctx: Ctx): Promise<{ id: string }> {
  return auditRefusals(ctx, "notifications.self.unsubscribe", ctx.actor.id, async () => {
    requireRole(ctx.actor, "viewer", "Unsubscribing from notifications");
    if (ctx.actor.kind !== "user")
      throw invalidState("An API token has no subscription of its own.");
    const id = await ctx.db.transaction(async (tx) => {
      const [own] = await ownRow(tx, ctx.actor.id);
      if (!own) throw notFound("Your e-mail subscription");
      await removeSubscription(tx, own.id, ctx.actor.name);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "notifications.self.unsubscribe",
        target: own.id,
        input: { email: own.targetLabel },
        outcome: "ok",
      });
      return own.id;
    });
    forgetAudience();
    return { id };
  });
}

/** The link in every e-mail: the token is the authority, no sign-in needed. */
export async function unsubscribeByToken(ctx: Ctx, raw: unknown): Promise<{ address: string }> {
  return auditRefusals(ctx, "notifications.unsubscribe", null, async () => {
    const { token } = parseOrThrow(UnsubscribeInput, raw, "Invalid unsubscribe link");
    const address = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.unsubscribeToken, token), isNull(subscriptions.deletedAt)));
      if (!row) throw notFound("The subscription for this link (it may have been stopped already)");
      await removeSubscription(tx, row.id, `unsubscribe link (${row.targetLabel})`);
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "notifications.unsubscribe",
        target: row.id,
        input: { via: "link", target: row.targetLabel },
        outcome: "ok",
      });
      return row.targetLabel;
    });
    forgetAudience();
    return { address };
  });
}

/** Who a token belongs to, for the unsubscribe page to say what it stops; null when unknown. */
export async function findUnsubscribeTarget(db: Db, token: string): Promise<string | null> {
  const parsed = UnsubscribeInput.safeParse({ token });
  if (!parsed.success) return null;
  const [row] = await db
    .select({ label: subscriptions.targetLabel, name: subscriptions.name })
    .from(subscriptions)
    .where(
      and(eq(subscriptions.unsubscribeToken, parsed.data.token), isNull(subscriptions.deletedAt)),
    );
  return row?.label ?? null;
}
