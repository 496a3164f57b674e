import "server-only";
import path from "node:path";
import { getSettings } from "../settings";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";
import type { Database, Db } from "./types";

export * as tables from "./schema";
export type { Database, Db, Engine } from "./types";
export { driverError, queryRows } from "./types";
export { DataFolderLockedError } from "./lock";
export { batchesBySize, chunks } from "./batches";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "migrations");

const KEY = Symbol.for("standfast.database");
type Holder = { [KEY]?: Promise<Database> };
const holder = globalThis as Holder;

/**
 * Opens the engine the settings choose: PostgreSQL when DATABASE_URL is set, else embedded
 * PGlite in the data folder. Applies migrations. The one place the engine is decided.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string | null;
  migrations?: string;
}): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS_FOLDER;
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir, migrations);
  try {
    await database.migrate(migrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** The process-wide database, opened on first use. Route modules and the server share it. */
export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The build must not open the database: make this page dynamic.");
  }
  holder[KEY] ??= (() => {
    const s = getSettings();
    const opening = openDatabase({ databaseUrl: s.DATABASE_URL, dataDir: s.STANDFAST_DATA_DIR });
    opening.catch(() => delete holder[KEY]);
    return opening;
  })();
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Installs an already-open database as the process-wide one (server start-up, tests). */
export function installDatabase(database: Database): void {
  holder[KEY] = Promise.resolve(database);
}

export async function closeDatabase(): Promise<void> {
  const current = holder[KEY];
  delete holder[KEY];
  if (current) await (await current).close();
}
export { makeTemplate, TEMPLATE_DIR, usableTemplate } from "./pglite-template";
