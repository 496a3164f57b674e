import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import path from "node:path";
import { lockDataFolder } from "./lock";
import {
  initialiseApart,
  isInitialised,
  pgliteStartParams,
  compileWasmOnce,
} from "./pglite-memory";
import { copyTemplate } from "./pglite-template";
import * as schema from "./schema";
import type { Database, Db } from "./types";

/**
 * Opens the embedded store in `<dataDir>/pg`, or in memory when dataDir is null (tests). A new
 * data folder starts from the build's template when it has one for these migrations.
 */
export async function openPglite(
  dataDir: string | null,
  migrationsFolder?: string,
): Promise<Database> {
  const release = dataDir ? lockDataFolder(dataDir) : () => {};
  try {
    const pgDir = dataDir ? path.join(dataDir, "pg") : undefined;
    if (pgDir && !isInitialised(pgDir)) {
      const copied = migrationsFolder !== undefined && copyTemplate(pgDir, migrationsFolder);
      if (!copied) await initialiseApart(pgDir);
    }
    compileWasmOnce();
    const client = new PGlite({ dataDir: pgDir, startParams: pgliteStartParams() });
    await client.waitReady;
    const pglite = drizzle({ client, schema });
    return {
      db: pglite as unknown as Db,
      migrate: (folder) => migrate(pglite, { migrationsFolder: folder }),
      engine: "pglite",
      location: dataDir ?? "memory",
      async close() {
        try {
          if (!client.closed) await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
