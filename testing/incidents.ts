/** Fixtures for incident tests: readings written through the real recorder, on a clock of our own. */
import { asc, eq } from "drizzle-orm";
import { tables, type Db } from "../lib/db";
import { loadCurrent, recordOutcomes, type Outcome } from "../lib/health/recorder";
import type { Status } from "../lib/status/vocabulary";
import { DEFAULT_DETECTION } from "../lib/incidents/detection";
import { runIncidentPass } from "../lib/incidents/detector";

export const T0 = Date.parse("2026-11-24T10:00:00Z");
/** A time `s` seconds after T0. */
export const at = (s: number) => new Date(T0 + s * 1000);
export const CONFIG = DEFAULT_DETECTION;

const DEMO_IDS = [
  "contoso-edi.roles",
  "contoso-edi.tracking-db",
  "contoso-edi.storage",
  "contoso-edi.acs",
  "fabrikam-b2b.roles",
  "fabrikam-b2b.tracking-db",
  "fabrikam-b2b.storage",
  "fabrikam-shared-acs",
  "fabrikam-eai.roles",
  "fabrikam-eai.tracking-db",
  "fabrikam-eai.storage",
  "northwind-dev.roles",
  "northwind-dev.tracking-db",
  "northwind-dev.storage",
  "northwind-dev.acs",
];

/**
 * One round of readings of the whole demo estate at `s` seconds: every component operational
 * unless `statuses` says otherwise. Written as the poller writes them (samples, current status,
 * status changes).
 */
export async function readAll(db: Db, s: number, statuses: Record<string, Status> = {}) {
  const when = at(s);
  const outcomes: Outcome[] = DEMO_IDS.map((componentId) => ({
    ok: true,
    componentId,
    at: when,
    status: statuses[componentId] ?? "operational",
    latencyMs: 10,
    reason: statuses[componentId] ? `test: ${statuses[componentId]}` : null,
    detail: null,
  }));
  await recordOutcomes(db, outcomes, await loadCurrent(db), () => 90_000);
}

export const pass = (db: Db, s: number, config = CONFIG) => runIncidentPass(db, config, at(s));

export const incidentRows = (db: Db) =>
  db.select().from(tables.incidents).orderBy(asc(tables.incidents.createdAt));

export const componentRows = (db: Db, incidentId: string) =>
  db
    .select()
    .from(tables.incidentComponents)
    .where(eq(tables.incidentComponents.incidentId, incidentId))
    .orderBy(asc(tables.incidentComponents.addedAt), asc(tables.incidentComponents.componentId));

export const updateRows = (db: Db, incidentId: string) =>
  db
    .select()
    .from(tables.incidentUpdates)
    .where(eq(tables.incidentUpdates.incidentId, incidentId))
    .orderBy(asc(tables.incidentUpdates.createdAt));
