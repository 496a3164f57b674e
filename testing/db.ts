import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../lib/db/index";
import type { Database, Engine } from "../lib/db/types";

/** The server the PostgreSQL variant of the integration tests runs against. */
export const TEST_PG_URL =
  process.env.STANDFAST_TEST_PG_URL || "postgres://standfast:standfast@127.0.0.1:5432/postgres";

export const ENGINES: Engine[] = ["pglite", "postgres"];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL tests need a server at ${TEST_PG_URL} (set STANDFAST_TEST_PG_URL to another one, ` +
        `with a role that may CREATE DATABASE; .ci/run sets one up): ${(error as Error).message}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of its own: in-memory PGlite, or a new database on the test server. */
export async function createTestDatabase(engine: Engine): Promise<Database & { url?: string }> {
  if (engine === "pglite") return openDatabase({ dataDir: null });
  const name = `standfast_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await dropDatabase(name);
    },
  };
}

/**
 * Drops a test database. An autovacuum worker may still be connected to it; a role that is not a
 * superuser may not terminate that (42501), and a plain drop fails while it runs (55006). Both
 * pass within moments, so retry for a while.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 40 || (code !== "42501" && code !== "55006")) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
