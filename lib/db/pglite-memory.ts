import { PGlite } from "@electric-sql/pglite";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";

/**
 * PostgreSQL settings for the embedded store. PGlite keeps its whole server in one WASM memory
 * that only grows, so the buffer cache is kept small: the data folder's files stay in the
 * operating system's page cache anyway, and a status board's working set is small.
 * PGlite's default (shared_buffers=128MB) adds about 130 MB to the process for little gain.
 */
export const PGLITE_SETTINGS: Record<string, string> = {
  shared_buffers: "16MB",
  temp_buffers: "2MB",
  wal_buffers: "1MB",
  maintenance_work_mem: "16MB",
};

export function pgliteStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams,
    ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
  ];
}

/**
 * V8 compiles PGlite's 9 MB of WASM twice: a quick baseline (Liftoff), then optimised code
 * (TurboFan) in the background. The second copy costs ~40 MB of memory and seconds of CPU at
 * start (initdb takes 8 s of CPU instead of 5) for no gain the status board's small queries
 * measure (see `npm run bench`). PGlite is the process's only WASM; set before it compiles.
 */
const BASELINE_WASM = "--liftoff-only";
let baselineSet = false;
export function compileWasmOnce(): void {
  if (baselineSet) return;
  v8.setFlagsFromString(BASELINE_WASM);
  baselineSet = true;
}

export const isInitialised = (pgDir: string) => fs.existsSync(path.join(pgDir, "PG_VERSION"));

// Creating a cluster (initdb) takes a copy of PGlite's whole WASM heap and leaves several
// hundred MB behind in the process that ran it; a short-lived child process runs it instead.
const INITDB_CHILD = `
const { PGlite } = require("@electric-sql/pglite");
const [dataDir, params] = process.argv.slice(1);
const db = new PGlite({ dataDir, startParams: JSON.parse(params) });
db.waitReady.then(() => db.close()).catch((error) => { console.error(error); process.exit(1); });
`;

/** Creates the cluster in `pgDir` in a child process when the folder has none yet. */
export async function initialiseApart(pgDir: string): Promise<void> {
  if (isInitialised(pgDir)) return;
  const failure = await new Promise<string | null>((resolve) =>
    execFile(
      process.execPath,
      [BASELINE_WASM, "-e", INITDB_CHILD, pgDir, JSON.stringify(pgliteStartParams())],
      { cwd: process.cwd(), maxBuffer: 1 << 20 },
      (error, _stdout, stderr) => resolve(error ? stderr || error.message : null),
    ),
  );
  if (failure !== null || !isInitialised(pgDir))
    throw new Error(
      `Could not create the embedded database in ${pgDir}: ${(failure ?? "no PG_VERSION written").trim().split("\n").slice(-5).join(" | ")}`,
    );
}
