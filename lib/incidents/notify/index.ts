import "server-only";
import type { Actor } from "../../auth";
import { getDb } from "../../db";
import { getSettings } from "../../settings";
import { findUnsubscribeTarget } from "./self-service";
import { emailConfigured } from "./subscription-input";

export * from "./notify-types";
export { emitEvent, type IncidentEvent } from "./outbox";
export { emitStatusChanges, type RecordedChange } from "./status-events";
export { createSubscription, deleteSubscription, listSubscriptions } from "./subscriptions";
export {
  getOwnSubscription,
  subscribeSelf,
  unsubscribeByToken,
  unsubscribeSelf,
} from "./self-service";
export { sendTest } from "./test-send";
export { listDeliveries } from "./deliveries";
export { verifySignature, signBody } from "./signature";
export {
  getNotificationWorker,
  kickNotifications,
  startNotificationWorker,
  stopNotificationWorker,
} from "./registry";
export { NotificationWorker } from "./worker";

/** Whether e-mail can be sent here (STANDFAST_SMTP_URL and STANDFAST_SMTP_FROM). */
export const isEmailConfigured = () => emailConfigured(getSettings());

/** The process-wide store as a context, for pages and actions. */
export const contextFor = async (actor: Actor) => ({ actor, db: await getDb() });

/** Whose address an unsubscribe link's token stops, for its page; null when it names none. */
export const unsubscribeTargetOf = async (token: string) =>
  findUnsubscribeTarget(await getDb(), token);
