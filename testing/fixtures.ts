/** Database fixtures for integration tests: a fresh store with the demo estate, statuses, rows to compare. */
import { asc, eq } from "drizzle-orm";
import { DEMO_ESTATE } from "../lib/estate/demo";
import { installDatabase, tables, type Database, type Db, type Engine } from "../lib/db";
import { createTestDatabase, ENGINES } from "./db";
import { loadDemoEstate, parseEstate, type LoadedEstate } from "../lib/estate/load";
import { syncEstate } from "../lib/control-plane/estate-sync";
import { acquireLease } from "../lib/health/lease";
import { POLLER_LEASE } from "../lib/health/poller";
import type { Status } from "../lib/status/vocabulary";

export { ENGINES };
export type TestDatabase = Database & { url?: string };

/** Makes `database` the process-wide one, as the server does at start-up, for route handlers. */
export const installTestDatabase = (database: Database) => installDatabase(database);

export async function revokeApiToken(db: Db, id: string): Promise<void> {
  await db
    .update(tables.apiTokens)
    .set({ revokedAt: new Date() })
    .where(eq(tables.apiTokens.id, id));
}

/** A fresh, migrated database of `engine` holding `estate` (the demo estate by default). */
export async function openEstateDatabase(
  engine: Engine,
  estate: LoadedEstate = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }),
): Promise<TestDatabase> {
  const database = await createTestDatabase(engine);
  await syncEstate(database.db, estate);
  return database;
}

/** Marks the poller as running for the next hour, as a live poller's heartbeat would. */
export async function markPollerRunning(db: Db): Promise<void> {
  await acquireLease(db, POLLER_LEASE, "test-poller", 3_600_000, 3_600_000);
}

export type StatusRow = {
  id: string;
  status: Status;
  reason?: string | null;
  instances?: { name: string; status: Status; reason?: string | null }[];
};

/** Writes current statuses as the poller records them, read at `at` (fresh by default). */
export async function recordStatuses(db: Db, rows: StatusRow[], at = new Date()): Promise<void> {
  for (const r of rows) {
    const values = {
      status: r.status,
      reason: r.reason ?? null,
      since: at,
      checkedAt: at,
      latencyMs: 12,
      detail: r.instances ? { instances: r.instances } : null,
      attemptAt: at,
      attemptError: null,
    };
    await db
      .insert(tables.componentStatus)
      .values({ componentId: r.id, ...values })
      .onConflictDoUpdate({ target: tables.componentStatus.componentId, set: values });
  }
}

export const readFaultRows = (db: Db) =>
  db.select().from(tables.simulatedFaults).orderBy(asc(tables.simulatedFaults.componentId));

export const readStatusRows = (db: Db) =>
  db.select().from(tables.componentStatus).orderBy(asc(tables.componentStatus.componentId));

export const readAuditRows = (db: Db) =>
  db.select().from(tables.auditLog).orderBy(asc(tables.auditLog.id));

/**
 * The demo estate, except that northwind-dev's storage account is probed over TCP: a component
 * that is not simulated, for tests of what only simulated components allow.
 */
export function demoEstateWithProbe(port = 5432): LoadedEstate {
  const input = structuredClone(DEMO_ESTATE);
  const northwind = input.services.find((s) => s.name === "northwind-dev")!;
  northwind.storage = {
    name: "northwinddevstore",
    replication: "LRS",
    source: { type: "tcp", host: "127.0.0.1", port },
  };
  return parseEstate(input, "test estate", { intervalMs: 30_000, timeoutMs: 5_000 });
}
