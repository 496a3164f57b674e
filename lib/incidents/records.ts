import "server-only";
import { and, asc, desc, gte, inArray, isNull, lt, ne, type SQL } from "drizzle-orm";
import { tables, type Db } from "../db";
import { isStatus, type Status } from "../status/vocabulary";
import type {
  Impact,
  IncidentStatus,
  IncidentUpdateView,
  MaintenanceStatus,
} from "./incident-types";

const { incidents, incidentUpdates, incidentComponents } = tables;
const { scheduledMaintenances: maintenances, maintenanceUpdates, maintenanceComponents } = tables;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const asStatus = (s: string): Status => (isStatus(s) ? s : "unknown");

/** An incident as stored, with its components and updates (newest first); times as ISO. */
export type IncidentRecord = {
  id: string;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  impactSetBy: string | null;
  origin: "detected" | "operator";
  startedAt: string;
  createdAt: string;
  updatedAt: string;
  monitoringAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  operatorUpdatedAt: string | null;
  recoveredAt: string | null;
  postmortem: string | null;
  postmortemAt: string | null;
  components: {
    componentId: string;
    addedBy: string;
    failingSince: string | null;
    healthySince: string | null;
    worstStatus: Status;
    lastStatus: Status;
    removed: boolean;
  }[];
  updates: IncidentUpdateView[];
};

export type MaintenanceRecord = {
  id: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil: string;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  componentIds: string[];
  updates: {
    id: string;
    status: MaintenanceStatus;
    body: string;
    createdAt: string;
    author: { kind: string; name: string };
  }[];
};

export type IncidentFilter = {
  ids?: string[];
  /** Unresolved ones, whatever their age, as well as the newest `limit`. */
  withUnresolved?: boolean;
  /** Started in [from, to). */
  from?: Date;
  to?: Date;
  limit?: number;
};

export async function readIncidentRecords(
  db: Db,
  filter: IncidentFilter,
): Promise<IncidentRecord[]> {
  const where: SQL[] = [];
  if (filter.ids) where.push(inArray(incidents.id, filter.ids.length ? filter.ids : [""]));
  if (filter.from) where.push(gte(incidents.startedAt, filter.from));
  if (filter.to) where.push(lt(incidents.startedAt, filter.to));
  const newest = await db
    .select()
    .from(incidents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(incidents.startedAt), desc(incidents.createdAt))
    .limit(filter.limit ?? 1_000);
  const open = filter.withUnresolved
    ? await db.select().from(incidents).where(isNull(incidents.resolvedAt))
    : [];
  const rows = [...open, ...newest.filter((r) => !open.some((o) => o.id === r.id))].sort(
    (a, b) =>
      b.startedAt.getTime() - a.startedAt.getTime() ||
      b.createdAt.getTime() - a.createdAt.getTime(),
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [parts, updates] = await Promise.all([
    db
      .select()
      .from(incidentComponents)
      .where(inArray(incidentComponents.incidentId, ids))
      .orderBy(asc(incidentComponents.addedAt)),
    db
      .select()
      .from(incidentUpdates)
      .where(inArray(incidentUpdates.incidentId, ids))
      .orderBy(desc(incidentUpdates.createdAt), desc(incidentUpdates.id)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status as IncidentStatus,
    impact: r.impact as Impact,
    impactSetBy: r.impactSetBy,
    origin: r.origin as "detected" | "operator",
    startedAt: r.startedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    monitoringAt: iso(r.monitoringAt),
    resolvedAt: iso(r.resolvedAt),
    resolvedBy: r.resolvedBy,
    operatorUpdatedAt: iso(r.operatorUpdatedAt),
    recoveredAt: iso(r.recoveredAt),
    postmortem: r.postmortem,
    postmortemAt: iso(r.postmortemAt),
    components: parts
      .filter((p) => p.incidentId === r.id)
      .map((p) => ({
        componentId: p.componentId,
        addedBy: p.addedBy,
        failingSince: iso(p.failingSince),
        healthySince: iso(p.healthySince),
        worstStatus: asStatus(p.worstStatus),
        lastStatus: asStatus(p.lastStatus),
        removed: p.removedAt !== null,
      })),
    updates: updates
      .filter((u) => u.incidentId === r.id)
      .map((u) => ({
        id: u.id,
        status: u.status as IncidentStatus,
        body: u.body,
        createdAt: u.createdAt.toISOString(),
        author: { kind: u.authorKind, name: u.authorName },
        affectedComponents:
          (u.affectedComponents as IncidentUpdateView["affectedComponents"] | null) ?? [],
      })),
  }));
}

export async function readMaintenanceRecords(
  db: Db,
  filter: { ids?: string[]; limit?: number; withOpen?: boolean },
): Promise<MaintenanceRecord[]> {
  const byId = filter.ids
    ? inArray(maintenances.id, filter.ids.length ? filter.ids : [""])
    : undefined;
  const latest = await db
    .select()
    .from(maintenances)
    .where(byId)
    .orderBy(desc(maintenances.scheduledFor))
    .limit(filter.limit ?? 1_000);
  // Every one not completed, however far ahead, as well as the latest `limit` of any status.
  const open = filter.withOpen
    ? await db.select().from(maintenances).where(ne(maintenances.status, "completed"))
    : [];
  const newest = [...open, ...latest.filter((m) => !open.some((o) => o.id === m.id))].sort(
    (a, b) => b.scheduledFor.getTime() - a.scheduledFor.getTime(),
  );
  if (newest.length === 0) return [];
  const ids = newest.map((m) => m.id);
  const [parts, updates] = await Promise.all([
    db
      .select()
      .from(maintenanceComponents)
      .where(inArray(maintenanceComponents.maintenanceId, ids)),
    db
      .select()
      .from(maintenanceUpdates)
      .where(inArray(maintenanceUpdates.maintenanceId, ids))
      .orderBy(desc(maintenanceUpdates.createdAt), desc(maintenanceUpdates.id)),
  ]);
  return newest.map((m) => ({
    id: m.id,
    title: m.title,
    status: m.status as MaintenanceStatus,
    scheduledFor: m.scheduledFor.toISOString(),
    scheduledUntil: m.scheduledUntil.toISOString(),
    startedAt: iso(m.startedAt),
    completedAt: iso(m.completedAt),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    componentIds: parts.filter((p) => p.maintenanceId === m.id).map((p) => p.componentId),
    updates: updates
      .filter((u) => u.maintenanceId === m.id)
      .map((u) => ({
        id: u.id,
        status: u.status as MaintenanceStatus,
        body: u.body,
        createdAt: u.createdAt.toISOString(),
        author: { kind: u.authorKind, name: u.authorName },
      })),
  }));
}
