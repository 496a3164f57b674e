/**
 * What notifications are sent about, each emitted in the transaction that makes it true:
 * `emitEvent` writes the event and one outbox row per matching subscription in the caller's `tx`.
 */
export { emitEvent, type IncidentEvent } from "./notify";
export { kickNotifications } from "./notify";
