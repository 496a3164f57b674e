import "server-only";
import type { Ctx } from "../auth";
import { getDb, type Db } from "../db";
import { getBoard } from "../health";
import { getSettings } from "../settings";
import type { DetectionConfig } from "./detection";
import { getDetector } from "./detector";
import {
  changeIncident as change,
  createIncident as create,
  postIncidentUpdate as post,
  writePostmortem as postmortem,
} from "./incident-verbs";
import type { IncidentView, MaintenanceView } from "./incident-types";
import { getIncidentData, invalidateIncidentData } from "./live";
import { scheduleMaintenance as schedule, updateMaintenance as move } from "./maintenance-verbs";
import { readIncidentRecords, readMaintenanceRecords } from "./records";
import { toIncidentView, toMaintenanceView } from "./views";
import { isId } from "./ids";
import { incidentFeed } from "./feed";
import { readIncidentHistory, readServiceUptime } from "./history";
import { lastGoodBackups } from "./last-good-backup";
import { readIncidentTimeline } from "./timeline";
import { readStatusOver } from "./status-over";

export * from "./incident-types";
export type { IncidentEvent } from "./events";
export { getIncidentData, invalidateIncidentData, type IncidentData } from "./live";
export type { StatusStep } from "./status-over";
export { runIncidentPass, startIncidentDetector, stopIncidentDetector } from "./detector";
export { DEFAULT_DETECTION, type DetectionConfig } from "./detection";

/** The detection settings, as the environment gives them. */
export function detectionConfig(): DetectionConfig {
  const s = getSettings();
  return {
    debounceIntervals: s.STANDFAST_INCIDENT_DEBOUNCE,
    quietIntervals: s.STANDFAST_INCIDENT_QUIET,
    groupWindowMs: s.STANDFAST_INCIDENT_GROUPING,
  };
}

// Reads: public like the board; pages and routes check board access before calling them.
export async function getIncident(id: string, db?: Db): Promise<IncidentView | null> {
  if (!isId(id)) return null;
  const d = db ?? (await getDb());
  const [record] = await readIncidentRecords(d, { ids: [id] });
  return record ? toIncidentView(record, await getBoard(d)) : null;
}

export async function getMaintenance(id: string, db?: Db): Promise<MaintenanceView | null> {
  if (!isId(id)) return null;
  const d = db ?? (await getDb());
  const [record] = await readMaintenanceRecords(d, { ids: [id] });
  return record ? toMaintenanceView(record, await getBoard(d)) : null;
}

/** Unresolved incidents and maintenance in progress or upcoming, for the board's notices. */
export async function getActiveNotices(db?: Db) {
  const d = db ?? (await getDb());
  const [data, board] = await Promise.all([getIncidentData(d), getBoard(d)]);
  const maintenances = data.maintenances.map((m) => toMaintenanceView(m, board));
  return {
    incidents: data.incidents.filter((i) => !i.resolvedAt).map((i) => toIncidentView(i, board)),
    active: maintenances.filter((m) => m.status === "in_progress" || m.status === "verifying"),
    upcoming: maintenances
      .filter((m) => m.status === "scheduled")
      .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor)),
    asOf: new Date(data.readAt).toISOString(),
  };
}

/** Each affected component's status over the incident (public, like the board's history). */
export async function getStatusOverIncident(incident: IncidentView, db?: Db) {
  return readStatusOver(db ?? (await getDb()), incident);
}

/** The last 90 days of incidents and maintenance by day (the history page). */
export async function getIncidentHistory(db?: Db) {
  return readIncidentHistory(db ?? (await getDb()));
}

/** Each service's uptime over 30 and 90 days. */
export async function getServiceUptime(db?: Db) {
  return readServiceUptime(db ?? (await getDb()));
}

/** The history feed as RSS 2.0 or Atom 1.0, linking to the public URL. */
export async function getHistoryFeed(format: "rss" | "atom", db?: Db) {
  const d = db ?? (await getDb());
  const [data, board] = await Promise.all([getIncidentData(d), getBoard(d)]);
  const s = getSettings();
  return incidentFeed(format, {
    url: s.STANDFAST_PUBLIC_URL ?? `http://localhost:${s.PORT}`,
    incidents: data.incidents.map((i) => toIncidentView(i, board)),
    maintenances: data.maintenances.map((m) => toMaintenanceView(m, board)),
  });
}

/**
 * What signed-in people see on an incident's page beside what everyone sees: the automatic
 * timeline, and each affected service's last good backup before the incident started.
 */
export async function getIncidentInternals(incident: IncidentView, db?: Db) {
  const d = db ?? (await getDb());
  const [timeline, backups] = await Promise.all([
    readIncidentTimeline(d, incident),
    lastGoodBackups(d, incident.serviceIds, new Date(incident.startedAt)),
  ]);
  return { timeline, backups };
}

/** Every maintenance, latest start first (the maintenance page). */
export async function listMaintenances(db?: Db): Promise<MaintenanceView[]> {
  const d = db ?? (await getDb());
  const [records, board] = await Promise.all([
    readMaintenanceRecords(d, { limit: 200, withOpen: true }),
    getBoard(d),
  ]);
  return records.map((m) => toMaintenanceView(m, board));
}

// Writes: each verb authorizes, validates and audits inside; what it wrote shows at once.
const after = <T>(result: T): T => {
  invalidateIncidentData();
  getDetector()?.kick();
  return result;
};

export const createIncident = async (ctx: Ctx, raw: unknown) => after(await create(ctx, raw));
export const postIncidentUpdate = async (ctx: Ctx, id: string, raw: unknown) =>
  after(await post(ctx, id, raw));
export const changeIncident = async (ctx: Ctx, id: string, raw: unknown) =>
  after(await change(ctx, id, raw));
export const writePostmortem = async (ctx: Ctx, id: string, raw: unknown) =>
  after(await postmortem(ctx, id, raw));
export const scheduleMaintenance = async (ctx: Ctx, raw: unknown) =>
  after(await schedule(ctx, raw));
export const updateMaintenance = async (ctx: Ctx, id: string, raw: unknown) =>
  after(await move(ctx, id, raw));

export { type IncidentRecord, type MaintenanceRecord } from "./records";
export {
  isActiveMaintenance,
  isUpcomingMaintenance,
  toIncidentView,
  toMaintenanceView,
} from "./views";
