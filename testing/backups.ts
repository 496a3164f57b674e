/** What the backup integration tests share: a demo estate in a fresh store, a store folder, actors. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import type { Actor, Role } from "../lib/roles";
import { ensureConfigurations } from "../lib/control-plane";
import { queryRows, tables, type Db } from "../lib/db";
import { createTestDatabase } from "./db";
import type { Database, Engine } from "../lib/db/types";
import { loadDemoEstate } from "../lib/estate/load";
import { syncEstate } from "../lib/control-plane/estate-sync";
import { decodeArchive, encodeArchive } from "../lib/backups/archive";
import { storesOf, type Stores } from "../lib/backups/registry";
import { createStore } from "../lib/backups/stores";

export const actor = (role: Role | null, name = role ?? "anonymous"): Actor =>
  role
    ? { kind: "api-token", id: name, name, role }
    : { kind: "anonymous", id: "anonymous", name: "anonymous", role: null };

export type BackupFixture = {
  database: Database & { url?: string };
  db: Db;
  root: string;
  stores: Stores;
  ctx: (role: Role | null) => { actor: Actor; db: Db };
  close(): Promise<void>;
};

export async function backupFixture(engine: Engine): Promise<BackupFixture> {
  const database = await createTestDatabase(engine);
  await syncEstate(database.db, loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 }));
  await ensureConfigurations(database.db, { demo: true });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-backups-"));
  const stores = storesOf([
    createStore({ id: "local", kind: "filesystem", root }, { dataDir: root }),
  ]);
  return {
    database,
    db: database.db,
    root,
    stores,
    ctx: (role) => ({ actor: actor(role), db: database.db }),
    async close() {
      await database.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Row counts of every table a backup or operation writes: "nothing changed" is these staying equal. */
export async function writeCounts(db: Db) {
  const [[b], [s], [o], [c]] = await Promise.all([
    db.select({ n: count() }).from(tables.backups),
    db.select({ n: count() }).from(tables.backupSchedules),
    db.select({ n: count() }).from(tables.managementOperations),
    queryRows<{ v: number }>(
      db,
      sql`select coalesce(sum(version), 0)::int as v from service_configurations`,
    ),
  ]);
  return { backups: b!.n, schedules: s!.n, operations: o!.n, configVersions: c!.v };
}

export async function auditRows(db: Db, action: string) {
  return queryRows<{ outcome: string; actor_id: string; detail: string | null }>(
    db,
    sql`select outcome, actor_id, detail from audit_log where action = ${action} order by id`,
  );
}

/**
 * What an attacker with write access to the store does: rewrites the archive with another
 * configuration and a self-consistent manifest (the payload's size and SHA-256 recomputed), so the
 * archive verifies against itself. Returns the planted configuration.
 */
export function tamperArchive(
  file: string,
  change: (configuration: Record<string, unknown>) => void,
) {
  const { manifest, configuration } = decodeArchive(fs.readFileSync(file));
  const planted = structuredClone(configuration) as Record<string, unknown>;
  change(planted);
  const { format: _format, payload: _payload, notIncluded: _notIncluded, ...fields } = manifest;
  fs.writeFileSync(file, encodeArchive(fields, planted).bytes);
  return planted;
}
