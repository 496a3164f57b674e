import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseEstate } from "../estate/load";
import {
  activityRow,
  startAzureFixtures,
  type AzureFixtureServer,
} from "../../testing/azure-fixtures";
import { fastRetries, fixtureRuntime } from "../../testing/azure";
import {
  ActivityLogIncompleteError,
  azureResourcesByService,
  listManagementOperations,
} from "./activity-log";
import { AzureCallError } from "./calls";
import { readManagementOperations } from "./index";
import { AzureConnection } from "../estate/azure-connection-types";

let server: AzureFixtureServer;
beforeAll(async () => {
  server = await startAzureFixtures();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  server.scenario = {};
});

const WORKSPACE = "32d1e136-gg81-4b0a-b647-260cdc471f68";
const rg = "/subscriptions/0000/resourceGroups/integration/providers";
const DB = `${rg}/Microsoft.Sql/servers/tracking/databases/contoso-edi`;
const SITE = `${rg}/Microsoft.Web/sites/contoso-edi`;
const SHARED = `${rg}/Microsoft.ServiceBus/namespaces/contoso-identity`;
const OTHER = `${rg}/Microsoft.Storage/storageAccounts/unrelated`;
const services = [
  { serviceId: "contoso-edi", resourceIds: [SITE, DB, SHARED] },
  { serviceId: "contoso-eai", resourceIds: [SHARED] },
];

const logs = () => fixtureRuntime(server).clientsFor(AzureConnection.parse(fastRetries())).logs();
const since = new Date("2026-01-01T00:00:00Z");

describe("management operations from the activity log, through the real LogsQueryClient", () => {
  it("keeps succeeded writes, deletes and actions on each service's resources, oldest first", async () => {
    server.scenario = {
      logs: {
        activity: [
          activityRow({
            id: "e1",
            at: "2026-01-02T10:00:00Z",
            operation: "Microsoft.Web/sites/config/write",
            name: "Update website configuration",
            resourceId: `${SITE}/config/web`.toUpperCase(),
            caller: "ops@contoso.example",
          }),
          activityRow({
            id: "e2",
            at: "2026-01-02T10:00:01Z",
            operation: "Microsoft.Web/sites/write",
            status: "Start",
            resourceId: SITE,
          }),
          activityRow({
            id: "e3",
            at: "2026-01-02T11:00:00Z",
            operation: "Microsoft.Sql/servers/databases/delete",
            status: "Failure",
            resourceId: DB,
          }),
          activityRow({
            id: "e4",
            at: "2026-01-02T12:00:00Z",
            operation: "Microsoft.Sql/servers/databases/read",
            resourceId: DB,
          }),
          activityRow({
            id: "e5",
            at: "2026-01-03T09:30:00Z",
            operation: "Microsoft.ServiceBus/namespaces/regenerateKeys/action",
            name: "Regenerate keys",
            resourceId: SHARED,
            caller: "11111111-2222-3333-4444-555555555555",
          }),
          activityRow({
            id: "e6",
            at: "2026-01-03T10:00:00Z",
            operation: "Microsoft.Storage/storageAccounts/write",
            resourceId: OTHER,
          }),
          activityRow({
            id: "e7",
            at: "2026-01-04T08:00:00Z",
            operation: "Microsoft.Sql/servers/databases/delete",
            status: "Succeeded",
            resourceId: DB,
          }),
        ],
      },
    };
    const operations = await listManagementOperations(logs(), {
      workspaceId: WORKSPACE,
      services,
      since,
      until: new Date("2026-01-05T00:00:00Z"),
    });
    expect(operations).toEqual([
      {
        externalId: "e1",
        serviceId: "contoso-edi",
        resourceId: `${SITE}/config/web`.toUpperCase(),
        kind: "write",
        summary: "Update website configuration (Microsoft.Web/sites/config/write)",
        actor: "ops@contoso.example",
        at: new Date("2026-01-02T10:00:00Z"),
        status: "succeeded",
      },
      expect.objectContaining({ externalId: "e5", serviceId: "contoso-edi", kind: "action" }),
      expect.objectContaining({
        externalId: "e5",
        serviceId: "contoso-eai",
        summary: "Regenerate keys (Microsoft.ServiceBus/namespaces/regenerateKeys/action)",
        actor: "11111111-2222-3333-4444-555555555555",
      }),
      expect.objectContaining({
        externalId: "e7",
        serviceId: "contoso-edi",
        kind: "delete",
        summary: "Microsoft.Sql/servers/databases/delete",
        actor: "unknown",
      }),
    ]);

    const [request] = server.requests;
    expect(request!.host).toBe("api.loganalytics.io");
    expect(request!.path).toBe(`/v1/workspaces/${WORKSPACE}/query`);
    const body = JSON.parse(request!.body) as { query: string; timespan: string };
    expect(body.timespan).toBe("2026-01-01T00:00:00.000Z/2026-01-05T00:00:00.000Z");
    expect(body.query).toMatch(/^AzureActivity\n/);
    expect(body.query).toContain('ActivityStatusValue in~ ("Success", "Succeeded")');
    for (const id of [SITE, DB, SHARED])
      expect(body.query).toContain(`rid startswith "${id.toLowerCase()}/"`);
    expect(body.query).not.toContain(OTHER.toLowerCase());
  });

  it("a partial answer is an error that still carries what came back", async () => {
    server.scenario = {
      logs: {
        partial: true,
        activity: [
          activityRow({
            id: "p1",
            at: "2026-01-02T10:00:00Z",
            operation: "Microsoft.Web/sites/write",
            resourceId: SITE,
          }),
        ],
      },
    };
    const error = await listManagementOperations(logs(), {
      workspaceId: WORKSPACE,
      services,
      since,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ActivityLogIncompleteError);
    expect(error.message).toBe(
      "Azure activity log: only part of the answer came back (PartialError: There were some errors when processing your query.); 1 operations found so far",
    );
    expect(error.operations.map((o: { externalId: string }) => o.externalId)).toEqual(["p1"]);
  });

  it("a refused query is an error with the service's code and message", async () => {
    server.scenario = { logs: { fault: { status: 400 } } };
    const error = await listManagementOperations(logs(), {
      workspaceId: WORKSPACE,
      services,
      since,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AzureCallError);
    expect(error.message).toBe(
      "Azure activity log: HTTP 400 BadArgumentError: The request had some invalid properties",
    );
    expect(error.transient).toBe(false);
  });

  it("asks nothing when no service has an Azure resource", async () => {
    expect(
      await listManagementOperations(logs(), { workspaceId: WORKSPACE, services: [], since }),
    ).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("reads the workspace and each service's resources from the estate file", async () => {
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
            trackingDatabase: {
              name: "db",
              source: { type: "azure-resource-health", resourceId: DB },
            },
            storage: {
              name: "st",
              replication: "GRS",
              source: { type: "tcp", host: "x.example", port: 443 },
            },
            accessControl: {
              name: "acs",
              source: { type: "azure-resource-health", resourceId: SHARED },
            },
          },
        ],
      },
      "estate.yaml",
      { intervalMs: 60_000, timeoutMs: 10_000 },
    );
    expect(azureResourcesByService(estate)).toEqual([
      { serviceId: "contoso-edi", resourceIds: [SITE, DB, SHARED] },
    ]);
    server.scenario = {
      logs: {
        activity: [
          activityRow({
            id: "x1",
            at: "2026-01-02T10:00:00Z",
            operation: "Microsoft.Web/sites/write",
            resourceId: SITE,
          }),
        ],
      },
    };
    const operations = await readManagementOperations(
      estate,
      since,
      undefined,
      fixtureRuntime(server),
    );
    expect(operations?.map((o) => [o.externalId, o.serviceId])).toEqual([["x1", "contoso-edi"]]);
    expect(server.requests[0]!.path).toBe(`/v1/workspaces/${WORKSPACE}/query`);
    expect(await readManagementOperations({ ...estate, azure: null }, since)).toBeNull();
  });
});
