import "server-only";
import type { Db } from "../db";
import {
  readIncidentRecords,
  readMaintenanceRecords,
  type IncidentRecord,
  type MaintenanceRecord,
} from "./records";

/** What the Statuspage API, the feeds and the board's notices serve: read at most once a second. */
export type IncidentData = {
  /** The 50 newest incidents and every unresolved one, newest first. */
  incidents: IncidentRecord[];
  /** The 50 latest maintenances by start and every one not completed. */
  maintenances: MaintenanceRecord[];
  readAt: number;
};

const MAX_AGE_MS = 1_000;
const KEY = Symbol.for("standfast.incidents.live");
type Cache = { db: Db | null; data: IncidentData | null; reading: Promise<IncidentData> | null };
const cache = ((globalThis as { [KEY]?: Cache })[KEY] ??= { db: null, data: null, reading: null });

async function read(db: Db): Promise<IncidentData> {
  const [incidents, maintenances] = await Promise.all([
    readIncidentRecords(db, { limit: 50, withUnresolved: true }),
    readMaintenanceRecords(db, { limit: 50, withOpen: true }),
  ]);
  return { incidents, maintenances, readAt: Date.now() };
}

/**
 * Incidents and maintenance as of at most a second ago. While a read runs, callers get the
 * previous data rather than queueing behind it; the first caller waits for the first read.
 */
export async function getIncidentData(db: Db): Promise<IncidentData> {
  const current = cache.db === db ? cache.data : null;
  if (current && Date.now() - current.readAt < MAX_AGE_MS) return current;
  if (!cache.reading || cache.db !== db) {
    cache.db = db;
    cache.reading = read(db)
      .then((data) => (cache.data = data))
      .finally(() => (cache.reading = null));
  }
  if (!current) return cache.reading;
  // A failed refresh leaves the last data in place; the next caller tries again.
  cache.reading.catch(() => {});
  return current;
}

/** Forget what was read (after a write that must show at once, and in tests). */
export function invalidateIncidentData(): void {
  cache.data = null;
}
