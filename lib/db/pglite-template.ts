import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  compileWasmOnce,
  initialiseApart,
  isInitialised,
  pgliteStartParams,
} from "./pglite-memory";

/**
 * A new data folder's embedded database, made once by the build (`scripts/build-server.mjs`):
 * a created and migrated cluster that a first start copies instead of creating its own. Creating
 * one (initdb) is most of a first start: seconds of CPU, where copying 40 MB of files takes a
 * fraction of one. The copy is used only when it was made by this PGlite, with these settings and
 * these migrations; anything else creates the cluster as before.
 */
export const TEMPLATE_DIR = path.join(process.cwd(), "dist", "pglite-template");
const STAMP = "standfast-template.json";

const PGLITE_VERSION: string = (() => {
  try {
    const pkg = path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json");
    return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
})();

/** What the template must have been made with to be used: PGlite, its settings, the migrations. */
export function templateKey(migrationsFolder: string): string {
  const hash = createHash("sha256").update(PGLITE_VERSION).update(pgliteStartParams().join(" "));
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(migrationsFolder, full)).update(fs.readFileSync(full));
    }
  };
  walk(migrationsFolder);
  return hash.digest("hex");
}

/** Makes the template in `dir` (replacing what is there): create, migrate, close. */
export async function makeTemplate(dir: string, migrationsFolder: string): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  await initialiseApart(dir);
  compileWasmOnce();
  const client = new PGlite({ dataDir: dir, startParams: pgliteStartParams() });
  await client.waitReady;
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.close();
  }
  fs.writeFileSync(
    path.join(dir, STAMP),
    JSON.stringify({ key: templateKey(migrationsFolder), pglite: PGLITE_VERSION }),
  );
}

/** Whether `dir` holds a template made by this PGlite, with these settings and migrations. */
export function usableTemplate(dir: string, migrationsFolder: string): boolean {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, STAMP), "utf8")) as { key?: string };
    return isInitialised(dir) && stamp.key === templateKey(migrationsFolder);
  } catch {
    return false;
  }
}

/**
 * Copies the template into `pgDir` when there is a usable one; false when there is none. The copy
 * is made beside `pgDir` and renamed into place, so a start stopped half-way leaves no half cluster.
 */
export function copyTemplate(
  pgDir: string,
  migrationsFolder: string,
  template = TEMPLATE_DIR,
): boolean {
  if (!usableTemplate(template, migrationsFolder)) return false;
  // Only ever into a folder that holds nothing: never over anything of someone's.
  if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) return false;
  const partial = `${pgDir}.partial-${process.pid}`;
  try {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(template, partial, {
      recursive: true,
      filter: (source) => path.basename(source) !== STAMP,
    });
    fs.rmSync(pgDir, { recursive: true, force: true }); // empty, checked above
    fs.renameSync(partial, pgDir);
    return true;
  } catch {
    fs.rmSync(partial, { recursive: true, force: true });
    return false;
  }
}
