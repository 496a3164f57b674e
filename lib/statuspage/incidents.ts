/**
 * Statuspage API v2 incident and scheduled-maintenance objects, with that API's field names:
 * incidents.json, incidents/unresolved.json, scheduled-maintenances.json (and upcoming, active),
 * and the `incidents` and `scheduled_maintenances` of summary.json. Pure.
 */
import type { BoardView } from "../health/board-types";
import type { IncidentView, MaintenanceView } from "../incidents/incident-types";
import type { IncidentRecord, MaintenanceRecord } from "../incidents";
import {
  isActiveMaintenance,
  isUpcomingMaintenance,
  toIncidentView,
  toMaintenanceView,
} from "../incidents";
import { components, page, PAGE_ID, type StatuspageComponent } from "./index";

export type IncidentSource = { incidents: IncidentRecord[]; maintenances: MaintenanceRecord[] };

const pickComponents = (all: StatuspageComponent[], ids: string[]) =>
  all.filter((c) => !c.group && ids.includes(c.id));

export function incidentObject(v: IncidentView, url: string, all: StatuspageComponent[]) {
  return {
    id: v.id,
    name: v.title,
    status: v.status,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
    monitoring_at: v.monitoringAt,
    resolved_at: v.resolvedAt,
    impact: v.impact,
    shortlink: `${url}/incidents/${v.id}`,
    started_at: v.startedAt,
    page_id: PAGE_ID,
    incident_updates: v.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: v.id,
      created_at: u.createdAt,
      updated_at: u.createdAt,
      display_at: u.createdAt,
      affected_components: u.affectedComponents.length ? u.affectedComponents : null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: pickComponents(
      all,
      v.components.filter((c) => !c.removed).map((c) => c.id),
    ),
    postmortem_body: v.postmortem,
    postmortem_published_at: v.postmortemAt,
  };
}

export function maintenanceObject(m: MaintenanceView, url: string, all: StatuspageComponent[]) {
  return {
    id: m.id,
    name: m.title,
    status: m.status,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    monitoring_at: null,
    resolved_at: m.completedAt,
    impact: "maintenance",
    shortlink: `${url}/maintenance/${m.id}`,
    started_at: m.startedAt ?? m.scheduledFor,
    page_id: PAGE_ID,
    incident_updates: m.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: m.id,
      created_at: u.createdAt,
      updated_at: u.createdAt,
      display_at: u.createdAt,
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: pickComponents(
      all,
      m.components.map((c) => c.id),
    ),
    scheduled_for: m.scheduledFor,
    scheduled_until: m.scheduledUntil,
  };
}

/** The objects of every document, built once per board snapshot and incident read. */
export function statuspageObjects(view: BoardView, url: string, source: IncidentSource) {
  const all = components(view);
  const incidents = source.incidents.map((r) => toIncidentView(r, view));
  const maintenances = source.maintenances.map((m) => toMaintenanceView(m, view));
  return {
    page: page(view, url),
    incidents: incidents.slice(0, 50).map((i) => incidentObject(i, url, all)),
    unresolved: incidents.filter((i) => !i.resolvedAt).map((i) => incidentObject(i, url, all)),
    maintenances: maintenances.slice(0, 50).map((m) => maintenanceObject(m, url, all)),
    upcoming: maintenances
      .filter(isUpcomingMaintenance)
      .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor))
      .map((m) => maintenanceObject(m, url, all)),
    active: maintenances.filter(isActiveMaintenance).map((m) => maintenanceObject(m, url, all)),
  };
}

type Objects = ReturnType<typeof statuspageObjects>;

export const incidentsDocument = (o: Objects) => ({ page: o.page, incidents: o.incidents });
export const unresolvedDocument = (o: Objects) => ({ page: o.page, incidents: o.unresolved });
export const maintenancesDocument = (o: Objects) => ({
  page: o.page,
  scheduled_maintenances: o.maintenances,
});
export const upcomingDocument = (o: Objects) => ({
  page: o.page,
  scheduled_maintenances: o.upcoming,
});
export const activeDocument = (o: Objects) => ({ page: o.page, scheduled_maintenances: o.active });

/** What summary.json lists: unresolved incidents, and maintenance in progress then upcoming. */
export const summaryParts = (o: Objects) => ({
  incidents: o.unresolved,
  scheduled_maintenances: [...o.active, ...o.upcoming],
});
