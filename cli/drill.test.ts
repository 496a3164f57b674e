import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "../app/api/services/[serviceId]/drills/route";
import { createApiToken } from "../lib/auth";
import { installStores } from "../lib/backups/registry";
import { tables } from "../lib/db";
import { DrillWorker } from "../lib/drills/worker";
import { installSettings, parseSettings } from "../lib/settings";
import { backupFixture, type BackupFixture } from "../testing/backups";
import { installTestDatabase } from "../testing/fixtures";
import { backedUp } from "../testing/restores";
import { startRouteServer } from "../testing/route-server";
import type { TestServer } from "../testing/servers";

const ROOT = path.resolve(import.meta.dirname, "..");
type Run = { code: number; stdout: string; stderr: string };

function standfast(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["scripts/standfast.mjs", ...args],
      {
        cwd: ROOT,
        env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: os.tmpdir(), ...env },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          stdout: stdout.trimEnd(),
          stderr: stderr.trimEnd(),
        }),
    );
  });
}

describe("standfast drill against a real server and drill worker", () => {
  let f: BackupFixture;
  let server: TestServer;
  let worker: DrillWorker;
  let env: Record<string, string>;
  let backupId = "";

  beforeAll(async () => {
    installSettings(parseSettings({}));
    f = await backupFixture("pglite");
    installTestDatabase(f.database);
    installStores(f.stores);
    backupId = (await backedUp(f)).id;
    const operator = (await createApiToken(f.db, { name: "cli-operator", role: "operator" })).token;
    const params = { params: Promise.resolve({ serviceId: "contoso-edi" }) };
    server = await startRouteServer({
      "/api/services/contoso-edi/drills": {
        GET: (request) => GET(request, params),
        POST: (request) => POST(request, params),
      },
    });
    worker = new DrillWorker({ db: f.db, stores: f.stores, tickMs: 200 });
    worker.start();
    env = { STANDFAST_URL: server.url, STANDFAST_TOKEN: operator };
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await server?.close();
    await f?.close();
  });

  it("drill <service> --backup <id> --wait prints the outcome and the RTO", async () => {
    const run = await standfast(["drill", "contoso-edi", "--backup", backupId, "--wait"], env);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(
      /^contoso-edi: drill [0-9a-f-]{36} of contoso-edi-\S+: succeeded, RTO \d+(\.\d)? m?s\n {2}restored configuration equals the backup's payload/,
    );
  });

  it("bad arguments are a usage error with a non-zero exit, and change nothing", async () => {
    const none = await standfast(["drill"], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("drill needs one service");
    const badBackup = await standfast(["drill", "contoso-edi", "--backup", "latest"], env);
    expect(badBackup.code).toBe(2);
    expect(badBackup.stderr).toContain("--backup takes a backup id");
    const unknownFlag = await standfast(["drill", "contoso-edi", "--force"], env);
    expect(unknownFlag.code).toBe(2);
    expect(await f.db.select().from(tables.drills)).toHaveLength(1); // the first test's only
  });
});
