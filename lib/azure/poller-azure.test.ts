import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/types";
import { createTestDatabase, ENGINES } from "../../testing/db";
import { parseEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { Poller } from "../health/poller";
import { getSnapshot, invalidateSnapshot } from "../health/snapshot";
import {
  RECORDED_HEALTH,
  RECORDED_STORE,
  startAzureFixtures,
  UNAVAILABLE,
  type AzureFixtureServer,
} from "../../testing/azure-fixtures";
import { fixtureRuntime } from "../../testing/azure";
import { waitFor } from "../../testing/wait";

const RUNTIME = Symbol.for("standfast.azure.runtime");
const rh = (resourceId: string) => ({ type: "azure-resource-health", resourceId });

/** Two role instances as VMs, each with its own Resource Health: losing one is the HA rule's partial outage. */
const estate = parseEstate(
  {
    regions: [{ id: "westus", name: "West US" }],
    azure: { retry: { maxRetries: 0 } },
    services: [
      {
        name: "contoso-azure",
        edition: "standard",
        region: "westus",
        roles: {
          instances: [
            { name: "IN_0", source: rh(RECORDED_HEALTH.vm) },
            { name: "IN_1", source: rh(RECORDED_HEALTH.storage) },
          ],
        },
        trackingDatabase: { name: "tracking", source: rh(RECORDED_HEALTH.cognitive) },
        storage: {
          name: "store",
          replication: "GRS",
          source: {
            type: "azure-metrics",
            resourceId: RECORDED_STORE,
            metrics: [{ name: "HttpIncomingRequestCount", above: { degraded: 100 } }],
          },
        },
        accessControl: { name: "acs", source: rh(RECORDED_HEALTH.serviceBus) },
      },
    ],
  },
  "estate.yaml",
  // A read budget a loaded test machine meets.
  { intervalMs: 2000, timeoutMs: 1500 },
);

let fixtures: AzureFixtureServer;
let previous: unknown;
beforeAll(async () => {
  fixtures = await startAzureFixtures();
  previous = (globalThis as Record<symbol, unknown>)[RUNTIME];
});
afterAll(async () => {
  (globalThis as Record<symbol, unknown>)[RUNTIME] = previous;
  await fixtures.close();
});

describe.each(ENGINES)("the poller reading Azure on %s", (engine) => {
  let database: Database;
  let poller: Poller;
  beforeAll(async () => {
    fixtures.scenario = {};
    // The poller reads through the process-wide runtime: point it at the fixture server, a new
    // one per engine, so no answer the other engine's poller cached (for half an interval) is used.
    (globalThis as Record<symbol, unknown>)[RUNTIME] = fixtureRuntime(fixtures, { windowMs: 20 });
    database = await createTestDatabase(engine);
    await syncEstate(database.db, estate);
    poller = new Poller({
      db: database.db,
      concurrency: 8,
      sampleRetentionMs: 86_400_000,
      tickMs: 50,
      flushEveryMs: 100,
    });
    poller.start();
  });
  afterAll(async () => {
    await poller.stop();
    await database.close();
  });
  const board = async () => {
    invalidateSnapshot();
    return (await getSnapshot(database.db, { refreshMs: 1000 })).view;
  };

  it("records what Azure reports, and a role instance Resource Health calls Unavailable is a partial outage", async () => {
    const view = await waitFor("every component read", async () => {
      const v = await board();
      return Object.values(v.components).every((c) => c.checkedAt !== null) && v;
    });
    expect(view.components["contoso-azure.roles"]).toMatchObject({
      status: "operational",
      instances: { up: 2, total: 2 },
    });
    expect(view.components["contoso-azure.storage"]!.status).toBe("operational");
    expect(view.components["contoso-azure.acs"]!.status).toBe("operational");
    expect(view.components["contoso-azure.tracking-db"]).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/^We are currently unable to determine the health/),
    });

    fixtures.scenario = { health: { states: { [RECORDED_HEALTH.storage]: UNAVAILABLE } } };
    const down = await waitFor("the instance to go down", async () => {
      const v = await board();
      return v.components["contoso-azure.roles"]!.status === "partial_outage" && v;
    });
    expect(down.components["contoso-azure.roles"]).toMatchObject({
      reason: expect.stringMatching(
        /^1 of 2 instances down: IN_1 \(We're sorry, your storage account isn't available.* \(Unplanned; since 2023-11-30 01:15 UTC/,
      ),
      instances: { up: 1, total: 2 },
    });
    expect(down.services[0]!.status).toBe("partial_outage");
  });
});
