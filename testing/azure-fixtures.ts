/**
 * A loopback stand-in for Azure that replays real recorded responses (./azure-recordings), and
 * variants derived from them: throttling, server errors, partial batches, Resource Health states,
 * activity-log rows. Over http for unit tests, where the SDK clients keep their real https URLs
 * and `httpClient()` redirects each request here; over https (self-signed, see
 * `selfSignedCertificate`) for the end-to-end tests, where the app's endpoints point here.
 * The first path segment always names the host the request was meant for.
 */
import http from "node:http";
import https from "node:https";
import type net from "node:net";
import type { TokenCredential } from "@azure/core-auth";
import { createDefaultHttpClient, type HttpClient } from "@azure/core-rest-pipeline";
import { answerHealth, answerLogs, answerMetrics, answerToken, type Answer } from "./azure-answers";
import { ERRORS } from "./azure-recordings";

export { selfSignedCertificate } from "./azure-certificate";
export { UNAVAILABLE, activityRow } from "./azure-answers";

/** The resource of the recorded getBatch answer (an App Configuration store in westus). */
export const RECORDED_STORE =
  "/subscriptions/faa080af-c1d8-40ad-9cce-e1a451va7b87/resourceGroups/rg-example/providers/Microsoft.AppConfiguration/configurationStores/example";

/** Resources of the recorded Resource Health list. */
export const RECORDED_HEALTH = {
  storage:
    "/subscriptions/azure_subscription_id/resourceGroups/create1250872478/providers/Microsoft.Storage/storageAccounts/account1250872478",
  serviceBus:
    "/subscriptions/azure_subscription_id/resourceGroups/iyljd2wtoqh43dern43sawzmqxkeari3bcqiadgfste4outj7cdmmslvr4yfw2vmrsqeiogmitj/providers/Microsoft.ServiceBus/namespaces/mynamespacexxyyz",
  vm: "/subscriptions/azure_subscription_id/resourceGroups/chenjieshitest/providers/Microsoft.Compute/virtualMachines/testvm",
  cognitive:
    "/subscriptions/azure_subscription_id/resourceGroups/chenjieshitest/providers/Microsoft.CognitiveServices/accounts/chenjieshiad",
};

/** An error answer for the next `times` requests of a kind (all of them when left out). */
export type FixtureFault = { status: number; retryAfterSeconds?: number; times?: number };

export type AzureScenario = {
  metrics?: {
    fault?: FixtureFault;
    /** Regions (the first label of the host) whose requests are held and never answered. */
    hangRegions?: string[];
    /** Resources answered with a metric error: a partial batch. */
    failResources?: string[];
    /** Resources left out of the answer. */
    omitResources?: string[];
    /** Per resource id (any case), per metric name: the value of every point, or null for none. */
    values?: Record<string, Record<string, number | null>>;
  };
  health?: {
    fault?: FixtureFault;
    /** Per resource id (any case): properties that replace the recorded ones. */
    states?: Record<string, Record<string, unknown>>;
  };
  logs?: {
    fault?: FixtureFault;
    /** Rows of the AzureActivity table (see `activityRow`). */
    activity?: Record<string, unknown>[];
    partial?: boolean;
  };
};

export type RecordedRequest = {
  method: string;
  /** The host the request was meant for, such as westus.metrics.monitor.azure.com. */
  host: string;
  path: string;
  query: URLSearchParams;
  body: string;
  authorization: string | undefined;
  at: number;
};

export type AzureFixtureServer = {
  url: string;
  port: number;
  requests: RecordedRequest[];
  scenario: AzureScenario;
  /** An httpClient that sends each request here instead of to Azure, keeping its host in the path. */
  httpClient(): HttpClient;
  close(): Promise<void>;
};

/** A credential with a fixed token, for the SDK clients in unit tests. */
export const testCredential: TokenCredential = {
  getToken: async () => ({
    token: "standfast-test-token",
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

function takeFault(kind: { fault?: FixtureFault } | undefined): FixtureFault | null {
  const fault = kind?.fault;
  if (!fault) return null;
  if (fault.times !== undefined) {
    if (fault.times <= 0) return null;
    fault.times--;
  }
  return fault;
}

const ERROR_CODES: Record<number, string> = {
  429: "TooManyRequests",
  500: "InternalServerError",
  503: "ServiceUnavailable",
  403: "AuthorizationFailed",
};

function faultAnswer(fault: FixtureFault, recorded404: unknown): Answer {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(fault.retryAfterSeconds);
  const body =
    fault.status === 404
      ? recorded404
      : {
          error: {
            code: ERROR_CODES[fault.status] ?? "Error",
            message: `injected HTTP ${fault.status}`,
          },
        };
  return { status: fault.status, headers, body };
}

export async function startAzureFixtures(
  options: { tls?: { cert: string; key: string }; scenario?: AzureScenario } = {},
): Promise<AzureFixtureServer> {
  const requests: RecordedRequest[] = [];
  const state = { scenario: options.scenario ?? {} };
  let base = "";
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fixture");
      const [, host = "", ...rest] = url.pathname.split("/");
      const path = `/${rest.join("/")}`;
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        host,
        path,
        query: url.searchParams,
        body: Buffer.concat(chunks).toString("utf8"),
        authorization: req.headers.authorization,
        at: Date.now(),
      };
      requests.push(recorded);
      const answer = route(recorded, state.scenario, `${base}/${host}`);
      if (answer === "hang") return;
      res.writeHead(answer.status, {
        "content-type": "application/json; charset=utf-8",
        ...answer.headers,
      });
      res.end(JSON.stringify(answer.body));
    });
  };
  const server = options.tls
    ? https.createServer(options.tls, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  base = `${options.tls ? "https" : "http"}://127.0.0.1:${port}`;
  const inner = createDefaultHttpClient();
  return {
    url: base,
    port,
    requests,
    get scenario() {
      return state.scenario;
    },
    set scenario(value: AzureScenario) {
      state.scenario = value;
    },
    httpClient: () => ({
      sendRequest(request) {
        // A retry sends the same request object again: rewrite it once.
        const original = new URL(request.url);
        if (!request.url.startsWith(`${base}/`))
          request.url = `${base}/${original.host}${original.pathname}${original.search}`;
        request.allowInsecureConnection = true;
        return inner.sendRequest(request);
      },
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function route(req: RecordedRequest, scenario: AzureScenario, hostBase: string): Answer | "hang" {
  const p = req.path;
  if (/\/oauth2\/v2\.0\/token$|\/v2\.0\/\.well-known\/openid-configuration$/.test(p))
    return answerToken(p, hostBase);
  if (req.method === "POST" && /^\/subscriptions\/[^/]+\/metrics:getBatch$/.test(p)) {
    const region = req.host.split(".")[0]!;
    if (scenario.metrics?.hangRegions?.includes(region)) return "hang";
    const fault = takeFault(scenario.metrics);
    if (fault) return faultAnswer(fault, recorded404());
    return answerMetrics(req, scenario.metrics ?? {});
  }
  if (
    req.method === "GET" &&
    /\/providers\/Microsoft\.ResourceHealth\/availabilityStatuses$/i.test(p)
  ) {
    const fault = takeFault(scenario.health);
    if (fault) return faultAnswer(fault, recorded404());
    return answerHealth(p, scenario.health ?? {});
  }
  if (req.method === "POST" && /^\/v1\/workspaces\/[^/]+\/query$/.test(p)) {
    const fault = takeFault(scenario.logs);
    if (fault)
      return fault.status === 400
        ? answerLogs(req, scenario.logs ?? {}, true)
        : faultAnswer(fault, null);
    return answerLogs(req, scenario.logs ?? {}, false);
  }
  return { status: 404, headers: {}, body: recorded404() };
}

const recorded404 = () => structuredClone(ERRORS.metricsBatch404.response.body);
