import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startAzureFixtures,
  UNAVAILABLE,
  type AzureFixtureServer,
} from "../../testing/azure-fixtures";
import {
  componentFor,
  contextFor,
  fastRetries,
  fixtureRuntime,
  healthSpec,
  RECORDED_HEALTH,
} from "../../testing/azure";
import { readAzureResourceHealth } from "./resource-health";
import type { AzureRuntime } from "./runtime";

let server: AzureFixtureServer;
let runtime: AzureRuntime;
const disposers: (() => void)[] = [];
beforeAll(async () => {
  server = await startAzureFixtures();
});
afterAll(() => server.close());
afterEach(() => {
  disposers.splice(0).forEach((d) => d());
  server.requests.length = 0;
  server.scenario = {};
});
const fresh = () => (runtime = fixtureRuntime(server));

const read = (resourceId: string, connection = fastRetries(), timeoutMs = 10_000) => {
  const spec = healthSpec(resourceId, connection);
  return readAzureResourceHealth(
    runtime,
    spec,
    componentFor(spec),
    contextFor(timeoutMs, disposers),
  );
};
const lists = () => server.requests.filter((r) => r.path.endsWith("/availabilityStatuses"));

describe("azure-resource-health over Resource Manager", () => {
  it("Available is operational: one list call for the resource group, with the token", async () => {
    fresh();
    expect(await read(RECORDED_HEALTH.storage)).toEqual({
      status: "operational",
      latencyMs: null,
      reason: null,
    });
    const [request] = lists();
    expect(request!.host).toBe("management.azure.com");
    expect(request!.path).toBe(
      "/subscriptions/azure_subscription_id/resourceGroups/create1250872478/providers/Microsoft.ResourceHealth/availabilityStatuses",
    );
    expect(request!.query.get("api-version")).toBe("2024-02-01");
    expect(request!.authorization).toBe("Bearer standfast-test-token");
  });

  it("Unknown is unknown, with Azure's summary as the reason", async () => {
    fresh();
    expect(await read(RECORDED_HEALTH.cognitive)).toEqual({
      status: "unknown",
      latencyMs: null,
      reason:
        "We are currently unable to determine the health of this Cognitive Services resource. (since 2023-11-30 02:06 UTC; reported 2023-11-30 02:06 UTC)",
    });
  });

  it("Unavailable is a major outage whose reason gives the summary, reason type and times", async () => {
    fresh();
    server.scenario = { health: { states: { [RECORDED_HEALTH.storage]: UNAVAILABLE } } };
    expect(await read(RECORDED_HEALTH.storage)).toEqual({
      status: "major_outage",
      latencyMs: null,
      reason:
        "We're sorry, your storage account isn't available because of an Azure platform problem. (Unplanned; since 2023-11-30 01:15 UTC; reported 2023-11-30 02:06 UTC)",
    });
  });

  it("Degraded is degraded_performance", async () => {
    fresh();
    server.scenario = {
      health: {
        states: {
          [RECORDED_HEALTH.vm]: {
            availabilityState: "Degraded",
            summary: "Your VM is degraded.",
            reasonType: "Planned",
          },
        },
      },
    };
    expect(await read(RECORDED_HEALTH.vm)).toMatchObject({
      status: "degraded_performance",
      reason: expect.stringMatching(/^Your VM is degraded\. \(Planned; since /),
    });
  });

  it("resources of one resource group share one call; another group gets its own", async () => {
    fresh();
    const readings = await Promise.all([
      read(RECORDED_HEALTH.vm),
      read(RECORDED_HEALTH.cognitive),
      read(RECORDED_HEALTH.serviceBus),
    ]);
    expect(readings.map((r) => r.status)).toEqual(["operational", "unknown", "operational"]);
    expect(
      lists()
        .map((r) => r.path.split("/")[4])
        .sort(),
    ).toEqual([
      "chenjieshitest",
      "iyljd2wtoqh43dern43sawzmqxkeari3bcqiadgfste4outj7cdmmslvr4yfw2vmrsqeiogmitj",
    ]);
  });

  it("a resource the list leaves out is unknown, saying so", async () => {
    fresh();
    const missing = RECORDED_HEALTH.vm.replace("testvm", "othervm");
    expect(await read(missing)).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: "Azure Resource Health lists no status for it in resource group chenjieshitest",
    });
  });

  it("a refusal (403) is unknown at once with the service's words; a 500 fails the read", async () => {
    fresh();
    server.scenario = { health: { fault: { status: 403 } } };
    expect(await read(RECORDED_HEALTH.storage)).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: "Azure Resource Health: HTTP 403 AuthorizationFailed: injected HTTP 403",
    });
    fresh();
    server.scenario = { health: { fault: { status: 500 } } };
    await expect(read(RECORDED_HEALTH.storage)).rejects.toThrow(
      "Azure Resource Health: HTTP 500 InternalServerError: injected HTTP 500",
    );
    expect(lists()).toHaveLength(1 + 3);
  });

  it("a custom cloud is reached at the Resource Manager endpoint it names", async () => {
    fresh();
    const connection = fastRetries({
      cloud: "custom",
      armEndpoint: "https://management.local.azurestack.external",
      metricsEndpoint: "https://{region}.metrics.local.azurestack.external",
      logsEndpoint: "https://logs.local.azurestack.external",
      authorityHost: "https://login.local.azurestack.external",
    });
    expect((await read(RECORDED_HEALTH.storage, connection)).status).toBe("operational");
    expect(lists()[0]!.host).toBe("management.local.azurestack.external");
  });
});
