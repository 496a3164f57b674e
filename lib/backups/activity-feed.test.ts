import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations } from "../control-plane";
import { ENGINES, createTestDatabase } from "../../testing/db";
import type { Database } from "../db/types";
import { parseEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import {
  activityRow,
  startAzureFixtures,
  type AzureFixtureServer,
} from "../../testing/azure-fixtures";
import { fixtureRuntime } from "../../testing/azure";
import { importActivityLog } from "./activity-feed";
import { complianceReport } from "./report";

const WORKSPACE = "32d1e136-gg81-4b0a-b647-260cdc471f68";
const rg = "/subscriptions/0000/resourceGroups/integration/providers";
const SITE = `${rg}/Microsoft.Web/sites/contoso-edi`;
const DB = `${rg}/Microsoft.Sql/servers/tracking/databases/contoso-edi`;

const estate = parseEstate(
  {
    regions: [{ id: "westeurope", name: "West Europe" }],
    azure: { activityLog: { workspaceId: WORKSPACE }, retry: { maxRetries: 0 } },
    services: [
      {
        name: "contoso-edi",
        edition: "standard",
        region: "westeurope",
        roles: { instances: 2, source: { type: "azure-metrics", resourceId: SITE } },
        trackingDatabase: { name: "db", source: { type: "azure-resource-health", resourceId: DB } },
        storage: {
          name: "st",
          replication: "GRS",
          source: { type: "tcp", host: "x.example", port: 443 },
        },
        accessControl: { name: "acs", source: { type: "tcp", host: "acs.example", port: 443 } },
      },
    ],
  },
  "estate.yaml",
  { intervalMs: 60_000, timeoutMs: 10_000 },
);

let server: AzureFixtureServer;
beforeAll(async () => {
  server = await startAzureFixtures();
});
afterAll(() => server.close());

describe.each(ENGINES)("the activity-log feed on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await syncEstate(database.db, estate);
  });
  afterAll(() => database.close());

  it("stores each management operation once, and the compliance report flags it until a backup follows", async () => {
    server.scenario = {
      logs: {
        activity: [
          activityRow({
            id: "op-1",
            at: new Date(Date.now() - 3_600_000).toISOString(),
            operation: "Microsoft.Web/sites/write",
            name: "Update website",
            resourceId: SITE,
            caller: "ops@contoso.example",
          }),
        ],
      },
    };
    const runtime = fixtureRuntime(server);
    expect(await importActivityLog(database.db, estate, { runtime })).toBe(1);
    expect(await importActivityLog(database.db, estate, { runtime })).toBe(0);
    const [op] = await listOperations(database.db);
    expect(op).toMatchObject({
      serviceId: "contoso-edi",
      source: "azure-activity-log",
      actorName: "ops@contoso.example",
    });
    const report = await complianceReport(database.db, { rpoMs: 86_400_000, days: 1 });
    const rule = report.services[0]!.rules.find((r) => r.rule === "after-change")!;
    expect(rule.verdict).toBe("fail");
    expect(rule.items?.[0]).toMatch(/write/);
  });
});
