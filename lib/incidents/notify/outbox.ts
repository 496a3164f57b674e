/**
 * The outbox: an event and one delivery row per matching subscription, written in the caller's
 * transaction, so a notification exists exactly when what it tells of was committed. Workers
 * send from these rows (worker.ts); nothing here touches the network.
 */
import { isNull, sql } from "drizzle-orm";
import { tables, type Db } from "../../db";
import type { NotificationEvent } from "./events";
import { matches } from "./match";
import type { Impact } from "./notify-types";

const {
  notificationSubscriptions: subscriptions,
  notificationEvents,
  notificationDeliveries,
} = tables;

export type IncidentEvent =
  | {
      kind: "incident.opened" | "incident.updated" | "incident.resolved";
      incidentId: string;
      title: string;
      status: string;
      impact: "none" | "minor" | "major" | "critical";
      message: string | null;
      componentIds: string[];
      serviceIds: string[];
      at: string;
    }
  | {
      kind: "maintenance.started" | "maintenance.completed";
      maintenanceId: string;
      title: string;
      componentIds: string[];
      serviceIds: string[];
      at: string;
    };

/**
 * Writes an event and its deliveries. The event is written only when someone receives it or
 * `always` says so (incidents: a record of what was announced); returns its id, or null.
 */
export async function writeEvent(
  tx: Db,
  event: NotificationEvent,
  subscriptionIds: string[],
  options: { always?: boolean } = {},
): Promise<number | null> {
  if (subscriptionIds.length === 0 && !options.always) return null;
  const [row] = await tx
    .insert(notificationEvents)
    .values({ kind: event.kind, payload: event, createdAt: sql`clock_timestamp()` })
    .returning({ id: notificationEvents.id });
  const eventId = row!.id;
  if (subscriptionIds.length)
    await tx
      .insert(notificationDeliveries)
      .values(subscriptionIds.map((subscriptionId) => ({ eventId, subscriptionId })))
      .onConflictDoNothing();
  return eventId;
}

/** Writes the event and one outbox row per matching subscription, in the caller's transaction. */
export async function emitEvent(tx: Db, event: IncidentEvent): Promise<void> {
  const live = await tx
    .select({
      id: subscriptions.id,
      events: subscriptions.events,
      serviceIds: subscriptions.serviceIds,
      componentIds: subscriptions.componentIds,
      minImpact: subscriptions.minImpact,
    })
    .from(subscriptions)
    .where(isNull(subscriptions.deletedAt));
  const receivers = live
    .filter((s) => matches({ ...s, minImpact: s.minImpact as Impact }, event))
    .map((s) => s.id);
  await writeEvent(tx, event, receivers, { always: true });
}
