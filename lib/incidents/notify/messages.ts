/** What a notification says, in words, for every channel: title, lines, and the page to open. Pure. */
import { STATUS_LABEL, isStatus } from "../../status/vocabulary";
import type { NotificationEvent } from "./events";
import { impactOf } from "./match";
import { EVENT_KIND_LABEL } from "./notify-types";

export type Message = {
  title: string;
  lines: string[];
  /** The page with the details, on STANDFAST_PUBLIC_URL. */
  url: string;
  /** Impact in words ("major"), or null for maintenance and tests. */
  impact: string | null;
};

const statusWords = (status: string | null) =>
  status === null ? "no reading yet" : isStatus(status) ? STATUS_LABEL[status] : status;

const list = (ids: string[]) => (ids.length ? ids.join(", ") : null);

/** The page an event links to: its incident, its component, or the board. */
export function linkOf(event: NotificationEvent, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, "");
  if ("incidentId" in event) return `${base}/incidents/${encodeURIComponent(event.incidentId)}`;
  if ("maintenanceId" in event)
    return `${base}/maintenance/${encodeURIComponent(event.maintenanceId)}`;
  if (event.kind === "component.status_changed")
    return `${base}/components/${encodeURIComponent(event.componentId)}`;
  return `${base}/`;
}

export function describeEvent(event: NotificationEvent, publicUrl: string): Message {
  const url = linkOf(event, publicUrl);
  const impact = impactOf(event);
  const label = EVENT_KIND_LABEL[event.kind];
  switch (event.kind) {
    case "incident.opened":
    case "incident.updated":
    case "incident.resolved": {
      const services = list(event.serviceIds);
      return {
        title: `${label}: ${event.title}`,
        lines: [
          `Status: ${event.status}. Impact: ${event.impact}.`,
          ...(event.message ? [event.message] : []),
          ...(services ? [`Services: ${services}.`] : []),
        ],
        url,
        impact,
      };
    }
    case "maintenance.started":
    case "maintenance.completed": {
      const services = list(event.serviceIds);
      return {
        title: `${label}: ${event.title}`,
        lines: services ? [`Services: ${services}.`] : [],
        url,
        impact: null,
      };
    }
    case "component.status_changed": {
      const services = list(event.serviceIds);
      return {
        title: `${event.componentName} is ${statusWords(event.toStatus)}`,
        lines: [
          `${event.componentName} (${event.componentId}) changed from ${statusWords(event.fromStatus)} to ${statusWords(event.toStatus)}.`,
          ...(event.reason ? [`Reason: ${event.reason}`] : []),
          ...(services ? [`Services: ${services}.`] : []),
        ],
        url,
        impact,
      };
    }
    case "test":
      return {
        title: "Test notification from Standfast",
        lines: [
          `${event.requestedBy} sent this to check the subscription "${event.subscriptionName}". Nothing is wrong.`,
        ],
        url,
        impact: null,
      };
  }
}
