import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export type Database = {
  db: Db;
  engine: Engine;
  /** Where the data lives, for messages: a folder or a redacted URL. */
  location: string;
  /** Applies the migrations in `folder`; safe when several instances start at once. */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
};

/** Drizzle wraps driver errors ("Failed query: ..."); the driver's own error is the cause. */
export function driverError(error: unknown): Error & { code?: string } {
  let current = error as Error & { code?: string; cause?: unknown };
  while (current && current.cause instanceof Error && !current.code)
    current = current.cause as typeof current;
  return current;
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
