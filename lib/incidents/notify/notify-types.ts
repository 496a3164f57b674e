/** Client-safe vocabulary of notifications: kinds of subscription, events, impacts, delivery states. */

export const SUBSCRIPTION_KINDS = ["webhook", "slack", "teams", "email"] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export const SUBSCRIPTION_KIND_LABEL: Record<SubscriptionKind, string> = {
  webhook: "Webhook (signed JSON)",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams workflow",
  email: "E-mail",
};

export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];

export const INCIDENT_EVENT_KINDS = [
  "incident.opened",
  "incident.updated",
  "incident.resolved",
  "maintenance.started",
  "maintenance.completed",
] as const;
export const STATUS_CHANGE_EVENT = "component.status_changed";
export const EVENT_KINDS = [...INCIDENT_EVENT_KINDS, STATUS_CHANGE_EVENT] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** What a new subscription receives unless it says otherwise: status changes are opt-in. */
export const DEFAULT_EVENT_KINDS: EventKind[] = [...INCIDENT_EVENT_KINDS];

export const EVENT_KIND_LABEL: Record<EventKind | "test", string> = {
  "incident.opened": "Incident opened",
  "incident.updated": "Incident updated",
  "incident.resolved": "Incident resolved",
  "maintenance.started": "Maintenance started",
  "maintenance.completed": "Maintenance completed",
  "component.status_changed": "Component status changed",
  test: "Test message",
};

export const DELIVERY_STATUSES = [
  "pending",
  "sending",
  "delivered",
  "failed",
  "cancelled",
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABEL: Record<DeliveryStatus, string> = {
  pending: "Waiting to send",
  sending: "Sending",
  delivered: "Delivered",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** A subscription as people see it: never its secret or the whole of a URL. */
export type SubscriptionView = {
  id: string;
  kind: SubscriptionKind;
  name: string;
  /** An address, or a URL's scheme and host: a webhook URL's path and query can hold its token. */
  targetLabel: string;
  serviceIds: string[];
  componentIds: string[];
  minImpact: Impact;
  events: EventKind[];
  /** A viewer's own e-mail subscription. */
  self: boolean;
  signed: boolean;
  createdBy: string;
  createdAt: string;
  lastDelivery: { status: DeliveryStatus; at: string } | null;
};

export type DeliveryAttempt = {
  at: string;
  ms: number;
  outcome: "delivered" | "failed";
  error?: string;
  worker: string;
};

export type DeliveryView = {
  id: number;
  eventId: number;
  eventKind: EventKind | "test";
  eventTitle: string;
  eventAt: string;
  subscriptionId: string;
  subscriptionName: string;
  subscriptionKind: SubscriptionKind;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  latencyMs: number | null;
  log: DeliveryAttempt[];
};
