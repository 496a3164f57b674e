/**
 * Client-safe: what the board's notices show, from the server's views (first render) or from
 * summary.json (each refresh in the browser), so both give the same notices.
 */
import type {
  Impact,
  IncidentStatus,
  IncidentView,
  MaintenanceStatus,
  MaintenanceView,
} from "./incident-types";

export type Notices = {
  incidents: {
    id: string;
    title: string;
    status: IncidentStatus;
    impact: Impact;
    latest: { status: IncidentStatus; body: string; createdAt: string } | null;
    components: string[];
  }[];
  maintenances: {
    id: string;
    title: string;
    status: MaintenanceStatus;
    scheduledFor: string;
    scheduledUntil: string;
    components: string[];
  }[];
};

export function noticesFromViews(
  incidents: IncidentView[],
  maintenances: MaintenanceView[],
): Notices {
  return {
    incidents: incidents.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      impact: i.impact,
      latest: i.updates[0]
        ? {
            status: i.updates[0].status,
            body: i.updates[0].body,
            createdAt: i.updates[0].createdAt,
          }
        : null,
      components: i.components.filter((c) => !c.removed).map((c) => c.name),
    })),
    maintenances: maintenances.map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status,
      scheduledFor: m.scheduledFor,
      scheduledUntil: m.scheduledUntil,
      components: m.components.map((c) => c.name),
    })),
  };
}

type SummaryIncident = {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  incident_updates: { status: IncidentStatus; body: string; created_at: string }[];
  components: { name: string }[];
};
type SummaryMaintenance = {
  id: string;
  name: string;
  status: MaintenanceStatus;
  scheduled_for: string;
  scheduled_until: string;
  components: { name: string }[];
};

/** The same notices from a summary.json document; null when it is not one. */
export function noticesFromSummary(doc: unknown): Notices | null {
  const d = doc as { incidents?: SummaryIncident[]; scheduled_maintenances?: SummaryMaintenance[] };
  if (!Array.isArray(d?.incidents) || !Array.isArray(d?.scheduled_maintenances)) return null;
  return {
    incidents: d.incidents.map((i) => ({
      id: i.id,
      title: i.name,
      status: i.status,
      impact: i.impact,
      latest: i.incident_updates[0]
        ? {
            status: i.incident_updates[0].status,
            body: i.incident_updates[0].body,
            createdAt: i.incident_updates[0].created_at,
          }
        : null,
      components: i.components.map((c) => c.name),
    })),
    maintenances: d.scheduled_maintenances.map((m) => ({
      id: m.id,
      title: m.name,
      status: m.status,
      scheduledFor: m.scheduled_for,
      scheduledUntil: m.scheduled_until,
      components: m.components.map((c) => c.name),
    })),
  };
}
