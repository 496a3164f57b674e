/** Which subscriptions an event goes to: kinds, scope (services or components) and minimum impact. Pure. */
import type { NotificationEvent } from "./events";
import { IMPACTS, type Impact } from "./notify-types";

export type SubscriptionFilter = {
  events: readonly string[];
  serviceIds: readonly string[];
  componentIds: readonly string[];
  minImpact: Impact;
};

const rank = (impact: Impact) => IMPACTS.indexOf(impact);

/** A component status as an impact: what the domain's overall indicator would make of it. */
export function impactOfStatus(status: string | null): Impact {
  switch (status) {
    case "degraded_performance":
    case "unknown":
      return "minor";
    case "partial_outage":
      return "major";
    case "major_outage":
      return "critical";
    default:
      return "none";
  }
}

/**
 * An event's impact. A status change counts as the worse of its two statuses, so a recovery from
 * a major outage reaches those who were told of the outage. Maintenance is planned work: it has no
 * impact to compare and reaches everyone who chose maintenance events.
 */
export function impactOf(event: NotificationEvent): Impact | null {
  if (event.kind === "component.status_changed") {
    const [a, b] = [impactOfStatus(event.fromStatus), impactOfStatus(event.toStatus)];
    return rank(a) >= rank(b) ? a : b;
  }
  if (event.kind.startsWith("incident.")) return (event as { impact: Impact }).impact;
  return null;
}

function touches(filter: SubscriptionFilter, event: NotificationEvent): boolean {
  if (filter.serviceIds.length === 0 && filter.componentIds.length === 0) return true;
  if (event.kind === "test") return true;
  const components =
    event.kind === "component.status_changed" ? [event.componentId] : event.componentIds;
  return (
    event.serviceIds.some((id) => filter.serviceIds.includes(id)) ||
    components.some((id) => filter.componentIds.includes(id))
  );
}

export function matches(filter: SubscriptionFilter, event: NotificationEvent): boolean {
  if (event.kind === "test" || !filter.events.includes(event.kind)) return false;
  if (!touches(filter, event)) return false;
  const impact = impactOf(event);
  return impact === null || rank(impact) >= rank(filter.minImpact);
}
