import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE, GET, POST } from "../app/api/admin/faults/route";
import {
  GET as evacuationGET,
  POST as evacuationPOST,
} from "../app/api/regions/[regionId]/evacuation/route";
import { createApiToken } from "../lib/auth";
import { invalidateSnapshot } from "../lib/health";
import { installSettings, parseSettings } from "../lib/settings";
import {
  installTestDatabase,
  markPollerRunning,
  openEstateDatabase,
  readFaultRows,
  recordStatuses,
  type TestDatabase,
} from "../testing/fixtures";
import { startRouteServer } from "../testing/route-server";
import { closedPort, type TestServer } from "../testing/servers";
import { createFastRoutes } from "../server/fast-routes";
import { USAGE } from "./args";

// Outside Next's request scope `connection()` throws; here every call is a real request already.
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

const ROOT = path.resolve(import.meta.dirname, "..");
type Run = { code: number; stdout: string; stderr: string };

/** Runs the real CLI (`node scripts/standfast.mjs`, which bundles and starts it) with only `env`. */
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

describe("the standfast CLI against a real server", () => {
  let database: TestDatabase;
  let server: TestServer;
  let admin: string;
  let viewer: string;
  let env: Record<string, string>;
  const ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  beforeAll(async () => {
    installSettings(parseSettings({}));
    database = await openEstateDatabase("pglite");
    installTestDatabase(database);
    admin = (await createApiToken(database.db, { name: "cli-admin", role: "admin" })).token;
    viewer = (await createApiToken(database.db, { name: "cli-viewer", role: "viewer" })).token;
    const ids = [
      "contoso-edi.tracking-db",
      "contoso-edi.storage",
      "contoso-edi.acs",
      "fabrikam-shared-acs",
      "fabrikam-b2b.roles",
      "fabrikam-b2b.tracking-db",
      "fabrikam-b2b.storage",
      "fabrikam-eai.roles",
      "fabrikam-eai.tracking-db",
      "fabrikam-eai.storage",
      "northwind-dev.roles",
      "northwind-dev.tracking-db",
      "northwind-dev.acs",
    ];
    await recordStatuses(database.db, [
      ...ids.map((id) => ({ id, status: "operational" as const })),
      {
        id: "contoso-edi.roles",
        status: "partial_outage",
        reason: "1 of 4 instances down: IN_0",
        instances: [
          { name: "IN_0", status: "major_outage" },
          { name: "IN_1", status: "operational" },
        ],
      },
    ]);
    await markPollerRunning(database.db);
    const fastRoute = createFastRoutes({ db: () => database.db, publicUrl: "http://test" });
    const evacuation = (regionId: string) => ({
      GET: (request: Request) => evacuationGET(request, { params: Promise.resolve({ regionId }) }),
      POST: (request: Request) =>
        evacuationPOST(request, { params: Promise.resolve({ regionId }) }),
    });
    server = await startRouteServer(
      {
        "/api/admin/faults": { GET, POST, DELETE },
        "/api/regions/westeurope/evacuation": evacuation("westeurope"),
        "/api/regions/mars/evacuation": evacuation("mars"),
      },
      fastRoute,
    );
    env = { STANDFAST_URL: server.url, STANDFAST_TOKEN: admin };
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });
  beforeEach(() => invalidateSnapshot());

  it("status prints the overall status and each component that is not operational", async () => {
    const run = await standfast(["status"], { STANDFAST_URL: server.url });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n")).toEqual([
      "Partial System Outage",
      `  ${"partial_outage".padEnd(20)} contoso-edi.roles (westeurope): 1 of 4 instances down: IN_0`,
      `  ${"unknown".padEnd(20)} northwind-dev.storage (southeastasia): not read yet`,
    ]);
  });

  it("evacuate --plan prints the region's plan, risks first, and --json the plan itself", async () => {
    const viewerEnv = { STANDFAST_URL: server.url, STANDFAST_TOKEN: viewer };
    const text = await standfast(["evacuate", "westeurope", "--plan"], viewerEnv);
    expect(text).toMatchObject({ code: 0, stderr: "" });
    // The test store holds no backups: contoso-edi has nothing outside West Europe.
    expect(text.stdout.split("\n").slice(0, 2)).toEqual([
      "Evacuating West Europe (westeurope, partial_outage): 1 service(s); healthy regions: eastus, westus, southeastasia",
      "  contoso-edi: AT RISK: No good backup outside West Europe: there is nothing to restore it from.",
    ]);
    expect(text.stdout).toContain("EDI control numbers: nothing to restore them from.");
    const json = await standfast(["evacuate", "westeurope", "--plan", "--json"], viewerEnv);
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout) as {
      region: { id: string };
      rows: { serviceId: string }[];
    };
    expect(plan.region.id).toBe("westeurope");
    expect(plan.rows.map((r) => r.serviceId)).toEqual(["contoso-edi"]);
  });

  it("evacuate refuses an unknown region, and without --plan changes nothing and says why", async () => {
    const unknown = await standfast(["evacuate", "mars", "--plan"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('standfast: Region "mars" was not found.');
    const noPlan = await standfast(["evacuate", "westeurope"], env);
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain("evacuate needs --plan");
    const unconfirmed = await standfast(["evacuate", "westeurope", "--start"], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("confirm with --confirm westeurope");
    // Nothing in West Europe has a backup elsewhere here: starting says so and starts nothing.
    const nothing = await standfast(
      ["evacuate", "westeurope", "--start", "--confirm", "westeurope"],
      env,
    );
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^standfast: nothing in westeurope can be restored/);
  });

  it("simulate injects a fault and says until when", async () => {
    const run = await standfast(
      ["simulate", "contoso-edi.roles", "major_outage", "--instances", "1", "--for", "10m"],
      env,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^contoso-edi\\.roles: major_outage on 1 instance\\(s\\) until ${ISO}$`),
    );
    expect(await readFaultRows(database.db)).toEqual([
      expect.objectContaining({
        componentId: "contoso-edi.roles",
        status: "major_outage",
        instancesDown: 1,
        createdBy: "cli-admin",
      }),
    ]);
  });

  it("simulate silent lasts until cleared, and faults lists both", async () => {
    const silent = await standfast(["simulate", "northwind-dev.acs", "silent"], env);
    expect(silent).toMatchObject({ code: 0, stdout: "northwind-dev.acs: silent until cleared" });
    const list = await standfast(["faults"], env);
    expect(list.code).toBe(0);
    expect(list.stdout.split("\n").sort()).toEqual([
      expect.stringMatching(new RegExp(`^contoso-edi\\.roles\\tmajor_outage\\tuntil ${ISO}$`)),
      "northwind-dev.acs\tsilent\tuntil cleared",
    ]);
  });

  it("reads the admin token from the data folder when STANDFAST_TOKEN is not set", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-cli-"));
    try {
      fs.writeFileSync(path.join(dir, "admin-token"), `${admin}\n`);
      const run = await standfast(["faults"], {
        STANDFAST_URL: server.url,
        STANDFAST_DATA_DIR: dir,
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("northwind-dev.acs\tsilent\tuntil cleared");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("simulate --clear clears one fault, then every fault", async () => {
    expect(await standfast(["simulate", "--clear", "northwind-dev.acs"], env)).toMatchObject({
      code: 0,
      stdout: "cleared 1 fault(s)",
    });
    expect(await standfast(["simulate", "--clear"], env)).toMatchObject({
      code: 0,
      stdout: "cleared 1 fault(s)",
    });
    expect(await standfast(["faults"], env)).toMatchObject({
      code: 0,
      stdout: "no faults in force",
    });
    expect(await readFaultRows(database.db)).toEqual([]);
  });

  it("prints the server's refusal and exits 1", async () => {
    const unknown = await standfast(["simulate", "contoso-edi.nope", "major_outage"], env);
    expect(unknown).toMatchObject({
      code: 1,
      stdout: "",
      stderr: 'standfast: Component "contoso-edi.nope" was not found.',
    });
    const bad = await standfast(["simulate", "contoso-edi.roles", "on_fire"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^standfast: Invalid fault: status: expected one of operational/);
    const weak = await standfast(["simulate", "contoso-edi.roles", "major_outage"], {
      ...env,
      STANDFAST_TOKEN: viewer,
    });
    expect(weak).toMatchObject({
      code: 1,
      stderr: "standfast: Fault injection needs the admin role; cli-viewer has viewer.",
    });
    expect(await readFaultRows(database.db)).toEqual([]);
  });

  it("without a token it says so, rather than blaming the connection", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-cli-"));
    try {
      const run = await standfast(["faults"], {
        STANDFAST_URL: server.url,
        STANDFAST_DATA_DIR: dir,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `standfast: No admin token: set STANDFAST_TOKEN, or run this where the app keeps its data (${path.join(dir, "admin-token")} is missing).`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("when nothing listens it says it cannot reach Standfast, and where", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await standfast(["status"], { STANDFAST_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `standfast: Cannot reach Standfast at ${url} (ECONNREFUSED): start it with \`npm start\`, or set STANDFAST_URL.`,
    );
  });

  it("a usage error prints the usage and exits 2; help exits 0", async () => {
    const wrong = await standfast(["simulate", "contoso-edi.roles"], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toBe(
      `simulate needs a component and a status, e.g. simulate contoso-edi.roles major_outage --for 10m\n\n${USAGE}`,
    );
    const help = await standfast(["help"], {});
    expect(help).toMatchObject({ code: 0, stdout: USAGE, stderr: "" });
  });
});
