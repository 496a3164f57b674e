/** Every event a subscription can be told about: the incidents contract, status changes, tests. Pure. */
import type { IncidentEvent } from "./outbox";
import { STATUS_CHANGE_EVENT } from "./notify-types";

export type StatusChangeEvent = {
  kind: typeof STATUS_CHANGE_EVENT;
  componentId: string;
  componentName: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  serviceIds: string[];
  at: string;
};

/** An admin's "send a test": delivered to the one subscription it names, never matched by filters. */
export type TestEvent = { kind: "test"; subscriptionName: string; requestedBy: string; at: string };

export type NotificationEvent = IncidentEvent | StatusChangeEvent | TestEvent;
