import "server-only";
import { and, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { queryRows, tables, type Db } from "../db";
import { isServing, effectiveStatus, readMaintenanceInForce } from "../health";
import { isStatus, type Status } from "../status/vocabulary";
import type { ServiceState } from "../estate/types";
import type { OpenIncident, RecentlyResolved, WatchedComponent } from "./detection";
import { FAILING, HEALTHY } from "./impact";
import type { Impact } from "./incident-types";

const { componentStatus, components, serviceComponents, services, incidents, incidentComponents } =
  tables;

const asStatus = (s: string): Status => (isStatus(s) ? s : "unknown");
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * When each component's current run of statuses in `set` began: the first change into the set
 * after the last change out of it, so a recovery between two passes still restarts the count.
 */
async function runStarts(db: Db, ids: string[], set: readonly Status[]) {
  if (ids.length === 0) return new Map<string, Date>();
  const rows = await queryRows<{ id: string; start: string | Date }>(
    db,
    sql`select sc.component_id as id, min(sc.at) as start from status_changes sc
      where sc.component_id in (${list(ids)})
        and sc.at > coalesce((select max(b.at) from status_changes b
          where b.component_id = sc.component_id and b.to_status not in (${list(set)})), '-infinity'::timestamptz)
      group by sc.component_id`,
  );
  return new Map(rows.map((r) => [r.id, new Date(r.start)]));
}

/**
 * What the detector needs of the components that matter now: those failing, and those in an
 * unresolved incident. Everything else is operational or unknown and cannot change a decision.
 */
export async function readWatched(db: Db, now: Date): Promise<Map<string, WatchedComponent>> {
  const failing = sql`${componentStatus.status} in (${list(FAILING)})`;
  const tracked = sql`${componentStatus.componentId} in (select component_id from incident_components where open)`;
  const rows = await db
    .select({ status: componentStatus, component: components })
    .from(componentStatus)
    .innerJoin(components, eq(components.id, componentStatus.componentId))
    .where(and(isNull(components.retiredAt), sql`(${failing} or ${tracked})`));
  if (rows.length === 0) return new Map();
  const ids = rows.map((r) => r.component.id);
  const [links, maintenance] = await Promise.all([
    db
      .select({
        componentId: serviceComponents.componentId,
        serviceId: serviceComponents.serviceId,
        role: serviceComponents.role,
        state: services.state,
      })
      .from(serviceComponents)
      .innerJoin(services, eq(services.id, serviceComponents.serviceId))
      .where(and(inArray(serviceComponents.componentId, ids), isNull(services.retiredAt))),
    readMaintenanceInForce(db),
  ]);
  const inMaintenance = new Set(maintenance.map((m) => m.componentId));
  const watched = new Map<string, WatchedComponent>();
  for (const { status: s, component: c } of rows) {
    const mine = links.filter((l) => l.componentId === c.id);
    const e = effectiveStatus(
      {
        status: asStatus(s.status),
        reason: s.reason,
        since: s.since,
        checkedAt: s.checkedAt,
        attemptError: s.attemptError,
      },
      c.staleAfterMs,
      now,
    );
    watched.set(c.id, {
      id: c.id,
      name: c.name,
      region: c.region,
      serviceIds: mine.map((l) => l.serviceId),
      intervalMs: c.intervalMs,
      status: e.status,
      runStart: e.since,
      underMaintenance: inMaintenance.has(c.id),
      notServing: mine.some((l) => l.role === "roles" && !isServing(l.state as ServiceState)),
    });
  }
  const pick = (set: readonly Status[]) =>
    [...watched.values()].filter((w) => set.includes(w.status)).map((w) => w.id);
  const [failingStarts, healthyStarts] = await Promise.all([
    runStarts(db, pick(FAILING), FAILING),
    runStarts(db, pick(HEALTHY), HEALTHY),
  ]);
  for (const w of watched.values())
    w.runStart = failingStarts.get(w.id) ?? healthyStarts.get(w.id) ?? w.runStart;
  return watched;
}

export async function readOpenIncidents(db: Db): Promise<OpenIncident[]> {
  const rows = await db.select().from(incidents).where(isNull(incidents.resolvedAt));
  if (rows.length === 0) return [];
  const parts = await db
    .select()
    .from(incidentComponents)
    .where(
      inArray(
        incidentComponents.incidentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.startedAt,
    impact: r.impact as Impact,
    impactSetBy: r.impactSetBy,
    operatorUpdatedAt: r.operatorUpdatedAt,
    recoveredAt: r.recoveredAt,
    components: parts
      .filter((p) => p.incidentId === r.id)
      .map((p) => ({
        componentId: p.componentId,
        worstStatus: asStatus(p.worstStatus),
        lastStatus: asStatus(p.lastStatus),
        healthySince: p.healthySince,
        removed: p.removedAt !== null,
      })),
  }));
}

/** Incidents that resolved themselves within the window: the same failure reopens them. */
export async function readRecentlyResolved(
  db: Db,
  now: Date,
  windowMs: number,
): Promise<RecentlyResolved[]> {
  const rows = await db
    .select({ id: incidents.id, resolvedAt: incidents.resolvedAt })
    .from(incidents)
    .where(
      and(
        gte(incidents.resolvedAt, new Date(now.getTime() - windowMs)),
        eq(incidents.resolvedBy, AUTO_RESOLVER),
        eq(incidents.status, "resolved"),
      ),
    );
  if (rows.length === 0) return [];
  const parts = await db
    .select({
      incidentId: incidentComponents.incidentId,
      componentId: incidentComponents.componentId,
    })
    .from(incidentComponents)
    .where(
      inArray(
        incidentComponents.incidentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    resolvedAt: r.resolvedAt!,
    componentIds: parts.filter((p) => p.incidentId === r.id).map((p) => p.componentId),
  }));
}

/** Who an incident that resolved itself was resolved by. */
export const AUTO_RESOLVER = "Standfast";
