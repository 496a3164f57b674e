import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAzureFixtures, type AzureFixtureServer } from "../../testing/azure-fixtures";
import {
  componentFor,
  contextFor,
  fastRetries,
  fixtureRuntime,
  metricsSpec,
  RECORDED_STORE,
} from "../../testing/azure";
import { waitFor } from "../../testing/wait";
import { readAzureMetrics } from "./metrics";
import type { AzureRuntime } from "./runtime";
import type { AzureMetricsSource } from "../estate/azure-spec-types";

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
// A fresh runtime per test: no batch or cached answer carries over.
const fresh = () => (runtime = fixtureRuntime(server));

const store = (n: number) => `${RECORDED_STORE}-${n}`;
const read = (spec: AzureMetricsSource, timeoutMs = 10_000, intervalMs = 60_000) =>
  readAzureMetrics(
    runtime,
    spec,
    componentFor(spec, { intervalMs }),
    contextFor(timeoutMs, disposers),
  );
const batches = () => server.requests.filter((r) => r.path.endsWith("/metrics:getBatch"));
const idsOf = (r: { body: string }) =>
  (JSON.parse(r.body) as { resourceids: string[] }).resourceids;

describe("azure-metrics through the real MetricsClient", () => {
  it("reads the recorded answer: values under the thresholds are operational", async () => {
    fresh();
    expect(await read(metricsSpec())).toEqual({
      status: "operational",
      reason: null,
      latencyMs: null,
    });
    const [request] = batches();
    expect(request!.host).toBe("westus.metrics.monitor.azure.com");
    expect(request!.path).toBe(
      "/subscriptions/faa080af-c1d8-40ad-9cce-e1a451va7b87/metrics:getBatch",
    );
    expect(request!.query.get("metricnamespace")).toBe(
      "Microsoft.AppConfiguration/configurationStores",
    );
    expect(request!.query.get("metricnames")).toBe("HttpIncomingRequestCount");
    expect(request!.query.get("aggregation")).toBe("average");
    expect(request!.query.get("interval")).toBe("PT1M");
    expect(idsOf(request!)).toEqual([RECORDED_STORE]);
    expect(request!.authorization).toBe("Bearer standfast-test-token");
  });

  it("matches metrics by id, not by the display name the SDK reports, and applies each level", async () => {
    fresh();
    const spec = metricsSpec({
      metrics: [
        {
          name: "HttpIncomingRequestCount",
          aggregation: "total",
          above: { degraded: 100, major: 1000 },
        },
        { name: "ThrottledHttpRequestCount", aggregation: "total", above: { partial: 5 } },
      ],
    });
    server.scenario = {
      metrics: {
        values: {
          [RECORDED_STORE]: { HttpIncomingRequestCount: 150, ThrottledHttpRequestCount: 2 },
        },
      },
    };
    expect(await read(spec)).toMatchObject({
      status: "degraded_performance",
      reason: "HttpIncomingRequestCount (total) 150, above 100",
    });
    fresh();
    server.scenario = {
      metrics: {
        values: {
          [RECORDED_STORE]: { HttpIncomingRequestCount: 5000, ThrottledHttpRequestCount: 9 },
        },
      },
    };
    expect(await read(spec)).toMatchObject({
      status: "major_outage",
      reason: "HttpIncomingRequestCount (total) 5000, above 1000",
    });
  });

  it("a window with no value is unknown, unless the rule says no data is fine", async () => {
    fresh();
    server.scenario = {
      metrics: { values: { [RECORDED_STORE]: { HttpIncomingRequestCount: null } } },
    };
    expect(await read(metricsSpec())).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: "HttpIncomingRequestCount (average): no value in the last 15 min",
    });
    fresh();
    const lenient = metricsSpec({
      metrics: [
        { name: "HttpIncomingRequestCount", above: { degraded: 100 }, noData: "operational" },
      ],
    });
    expect((await read(lenient)).status).toBe("operational");
  });

  it("coalesces reads of one subscription, region and namespace into one call", async () => {
    fresh();
    const readings = await Promise.all(
      [1, 2, 3].map((n) => read(metricsSpec({ resourceId: store(n) }))),
    );
    expect(readings.map((r) => r.status)).toEqual(["operational", "operational", "operational"]);
    expect(batches()).toHaveLength(1);
    expect(idsOf(batches()[0]!)).toEqual([store(1), store(2), store(3)]);
  });

  it("calls once per region, and at most 50 resources per call", async () => {
    fresh();
    const west = Array.from({ length: 60 }, (_, n) => read(metricsSpec({ resourceId: store(n) })));
    const east = read(metricsSpec({ resourceId: store(99), region: "eastus" }));
    await Promise.all([...west, east]);
    const sizes = batches().map((r) => [r.host.split(".")[0], idsOf(r).length]);
    expect(sizes.sort()).toEqual([
      ["eastus", 1],
      ["westus", 10],
      ["westus", 50],
    ]);
  });

  it("a member read a moment later is served from the group's last call", async () => {
    fresh();
    await Promise.all([
      read(metricsSpec({ resourceId: store(1) })),
      read(metricsSpec({ resourceId: store(2) })),
    ]);
    expect(batches()).toHaveLength(1);
    expect((await read(metricsSpec({ resourceId: store(2) }))).status).toBe("operational");
    expect(batches()).toHaveLength(1);
  });

  it("once the answer is older than half the interval, the group is asked again, its members together", async () => {
    fresh();
    const intervalMs = 4;
    await Promise.all(
      [1, 2].map((n) => read(metricsSpec({ resourceId: store(n) }), 10_000, intervalMs)),
    );
    const first = Date.now();
    await waitFor(
      "the answer to age past half the interval",
      () => Date.now() > first + intervalMs,
    );
    expect((await read(metricsSpec({ resourceId: store(1) }), 10_000, intervalMs)).status).toBe(
      "operational",
    );
    expect(batches()).toHaveLength(2);
    expect(idsOf(batches()[1]!).sort()).toEqual([store(1), store(2)]);
  });

  it("a partial batch: the resources that answered count, the others are unknown with Azure's reason", async () => {
    fresh();
    server.scenario = { metrics: { failResources: [store(2)], omitResources: [store(3)] } };
    const [one, two, three] = await Promise.all(
      [1, 2, 3].map((n) => read(metricsSpec({ resourceId: store(n) }))),
    );
    expect(one!.status).toBe("operational");
    expect(two).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: `HttpIncomingRequestCount (average): ResourceNotFound: The resource ${store(2)} was not found.`,
    });
    expect(three).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: "Azure Monitor metrics: the answer had no values for it",
    });
  });

  it("404 PathNotFound is unknown at once, with the recorded reason", async () => {
    fresh();
    server.scenario = { metrics: { fault: { status: 404 } } };
    expect(await read(metricsSpec())).toEqual({
      status: "unknown",
      latencyMs: null,
      reason: "Azure Monitor metrics: HTTP 404 PathNotFound: Path not found",
    });
  });

  it("429 is retried after the Retry-After the service asks for", async () => {
    fresh();
    server.scenario = { metrics: { fault: { status: 429, retryAfterSeconds: 1, times: 1 } } };
    expect((await read(metricsSpec())).status).toBe("operational");
    const [first, second] = batches();
    expect(batches()).toHaveLength(2);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("throttling that outlasts the read fails it, saying so, so the poller turns it unknown when stale", async () => {
    fresh();
    server.scenario = { metrics: { fault: { status: 429, retryAfterSeconds: 30 } } };
    await expect(read(metricsSpec(), 1_500)).rejects.toThrow(
      "Azure Monitor metrics: no answer in time; 1 try, the last: HTTP 429 TooManyRequests (Retry-After 30 s)",
    );
    expect(batches()).toHaveLength(1);
  });

  it("throttling through every retry fails the read with the service's answer", async () => {
    fresh();
    server.scenario = { metrics: { fault: { status: 429, retryAfterSeconds: 0 } } };
    await expect(read(metricsSpec())).rejects.toThrow(
      "Azure Monitor metrics: HTTP 429 TooManyRequests: injected HTTP 429",
    );
    expect(batches()).toHaveLength(3);
  });

  it("a server error that persists through the retries fails the read with the status", async () => {
    fresh();
    server.scenario = { metrics: { fault: { status: 500 } } };
    await expect(read(metricsSpec())).rejects.toThrow(
      "Azure Monitor metrics: HTTP 500 InternalServerError: injected HTTP 500",
    );
    expect(batches()).toHaveLength(3);
  });

  it("a group that never answers delays no other group, and its reads end at their own timeout", async () => {
    fresh();
    server.scenario = { metrics: { hangRegions: ["westus"] } };
    const stuck = read(metricsSpec(), 1_500);
    const settled = stuck.then(
      () => "settled",
      () => "settled",
    );
    const other = await read(metricsSpec({ resourceId: store(7), region: "eastus" }));
    expect(other.status).toBe("operational");
    expect(await Promise.race([settled, Promise.resolve("pending")])).toBe("pending");
    await expect(stuck).rejects.toThrow(
      /^Azure Monitor metrics: no answer (in time|within 1500 ms)/,
    );
  });

  it("uses the defaults for the resource type when no metrics are listed", async () => {
    fresh();
    const db =
      "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/tracking/databases/contoso-edi";
    server.scenario = { metrics: { values: { [db]: { cpu_percent: 97, connection_failed: 0 } } } };
    const spec = metricsSpec({ resourceId: db, metrics: undefined });
    expect(await read(spec)).toMatchObject({
      status: "degraded_performance",
      reason: "cpu_percent (average) 97, above 90",
    });
    const [request] = batches();
    expect(request!.query.get("metricnamespace")).toBe("Microsoft.Sql/servers/databases");
    expect(request!.query.get("metricnames")).toBe("connection_failed,cpu_percent");
    expect(request!.query.get("aggregation")).toBe("average,total");
  });

  it("a sovereign cloud is reached at its own endpoint, with its own token audience", async () => {
    const scopes: string[] = [];
    runtime = fixtureRuntime(server, {
      credential: {
        getToken: async (s) => {
          scopes.push(...[s].flat());
          return { token: "t", expiresOnTimestamp: Date.now() + 3_600_000 };
        },
      },
    });
    expect((await read(metricsSpec({ connection: fastRetries({ cloud: "china" }) }))).status).toBe(
      "operational",
    );
    expect(batches()[0]!.host).toBe("westus.metrics.monitor.azure.cn");
    expect(scopes).toEqual(["https://management.chinacloudapi.cn/.default"]);
  });

  it("a client secret that is not in the environment is unknown, naming the variable", async () => {
    runtime = new (await import("./runtime")).AzureRuntime({ httpClient: server.httpClient() });
    const connection = fastRetries({
      credential: {
        type: "client-secret",
        tenantId: "t1",
        clientId: "c1",
        clientSecretEnv: "STANDFAST_NO_SUCH_SECRET",
      },
    });
    expect(await read(metricsSpec({ connection }))).toEqual({
      status: "unknown",
      latencyMs: null,
      reason:
        "Azure Monitor metrics: the environment variable STANDFAST_NO_SUCH_SECRET (azure.credential.clientSecretEnv) is not set",
    });
    expect(batches()).toHaveLength(0);
  });
});
