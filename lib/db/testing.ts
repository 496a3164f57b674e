import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "./index";
import type { Database, Engine } from "./types";

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
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
