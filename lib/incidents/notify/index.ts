import "server-only";
import type { Actor } from "../../auth";
import { getDb } from "../../db";
import { getSettings } from "../../settings";
import { emailConfigured } from "./subscription-input";

export * from "./notify-types";
export { emitEvent, type IncidentEvent } from "./outbox";
export { emitStatusChanges, type RecordedChange } from "./status-events";
export { createSubscription, deleteSubscription, listSubscriptions } from "./subscriptions";
export {
  findUnsubscribeTarget,
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
