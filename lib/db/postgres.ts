import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema";
import type { Database, Db } from "./types";

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparseable URL)";
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: "standfast" });
  pool.on("error", (error) =>
    console.error(`[db] idle PostgreSQL connection failed: ${error.message}`),
  );
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new Error(
      `Cannot connect to PostgreSQL at ${redactUrl(url)} (DATABASE_URL): ${(error as Error).message}`,
    );
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    location: redactUrl(url),
    migrate: (folder) => migrateLocked(pool, folder),
    close: () => pool.end(),
  };
}

// Any fixed number: instances starting together against one PostgreSQL migrate one at a time.
const MIGRATION_LOCK = 7_310_001;

async function migrateLocked(pool: pg.Pool, folder: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder: folder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
