/** Notification subscriptions, the events they are told of, and each delivery. */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { ts } from "./columns";

/**
 * Who is told about incidents, maintenance and (optionally) status changes, and how. The target
 * (a URL that may embed a token, or an address) and the HMAC secret never leave the server after
 * creation; a deleted subscription keeps its row for the delivery log, with both cleared.
 */
export const notificationSubscriptions = pgTable(
  "notification_subscriptions",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    target: text("target").notNull(),
    /** What people may see of the target: an address, or a URL's scheme and host. */
    targetLabel: text("target_label").notNull(),
    secret: text("secret"),
    serviceIds: jsonb("service_ids").$type<string[]>().notNull().default([]),
    componentIds: jsonb("component_ids").$type<string[]>().notNull().default([]),
    minImpact: text("min_impact").notNull().default("none"),
    events: jsonb("events").$type<string[]>().notNull(),
    /** For a viewer's own e-mail subscription: the user it belongs to. */
    ownerUserId: text("owner_user_id"),
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    deletedAt: ts("deleted_at"),
    deletedBy: text("deleted_by"),
  },
  (t) => [
    uniqueIndex("notification_subscriptions_owner_idx")
      .on(t.ownerUserId)
      .where(sql`deleted_at is null and owner_user_id is not null`),
  ],
);

export const notificationEvents = pgTable(
  "notification_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("notification_events_created_idx").on(t.createdAt)],
);

/**
 * The outbox: one row per (event, subscription), written in the event's transaction. Workers claim
 * rows with SKIP LOCKED for a lease; a row whose lease ran out (its worker died) is claimed again.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => notificationEvents.id, { onDelete: "cascade" }),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => notificationSubscriptions.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    claimedBy: text("claimed_by"),
    claimExpiresAt: ts("claim_expires_at"),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
    /** From the event's creation to the receiver's acceptance, by the store's clock. */
    latencyMs: doublePrecision("latency_ms"),
    log: jsonb("log").notNull().default([]),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_pair_idx").on(t.eventId, t.subscriptionId),
    index("notification_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("notification_deliveries_subscription_idx").on(t.subscriptionId, t.id),
  ],
);
