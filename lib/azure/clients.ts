import "server-only";
import type { TokenCredential } from "@azure/core-auth";
import {
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
} from "@azure/identity";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
  type PipelineRetryOptions,
} from "@azure/core-rest-pipeline";
import { LogsQueryClient } from "@azure/monitor-query-logs";
import { MetricsClient } from "@azure/monitor-query-metrics";
import { errorText } from "../status/reading-types";
import { AzureCallError, callAttemptsPolicy, callSignalPolicy } from "./calls";
import {
  metricsEndpointFor,
  resolveEndpoints,
  type AzureConnection,
  type AzureEndpoints,
} from "../estate/azure-connection-types";

export type AzureClientOverrides = {
  /** Sends every request; tests pass one that redirects to a loopback server. */
  httpClient?: HttpClient;
  /** Replaces the configured credential (tests). */
  credential?: TokenCredential;
};

/** A credential that cannot work, saying why, so a setup mistake shows as the reason. */
const unusable = (why: string): TokenCredential => ({
  getToken: () => Promise.reject(new AzureCallError(why, null, false)),
});

export function createCredential(
  connection: AzureConnection,
  endpoints: AzureEndpoints,
): TokenCredential {
  const c = connection.credential;
  const authorityHost = endpoints.authorityHost;
  switch (c.type) {
    case "client-secret": {
      const secret = process.env[c.clientSecretEnv];
      if (!secret)
        return unusable(
          `the environment variable ${c.clientSecretEnv} (azure.credential.clientSecretEnv) is not set`,
        );
      return new ClientSecretCredential(c.tenantId, c.clientId, secret, {
        authorityHost,
        // A custom cloud's authority cannot be checked against Microsoft's list of clouds.
        disableInstanceDiscovery: connection.cloud === "custom",
      });
    }
    case "managed-identity":
      return c.clientId
        ? new ManagedIdentityCredential({ clientId: c.clientId })
        : new ManagedIdentityCredential();
    default:
      return new DefaultAzureCredential({
        authorityHost,
        ...(c.tenantId ? { tenantId: c.tenantId } : {}),
        ...(c.managedIdentityClientId
          ? { managedIdentityClientId: c.managedIdentityClientId }
          : {}),
      });
  }
}

/** The SDK clients for one connection: metrics per region, logs, and a pipeline for ARM. */
export class AzureClients {
  readonly endpoints: AzureEndpoints;
  readonly credential: TokenCredential;
  private readonly retryOptions: PipelineRetryOptions;
  private readonly httpClient: HttpClient | undefined;
  private readonly metricsClients = new Map<string, MetricsClient>();
  private logsClient: LogsQueryClient | undefined;
  private armPipeline: Pipeline | undefined;
  private defaultHttp: HttpClient | undefined;
  private readonly memo = new Map<string, unknown>();

  constructor(connection: AzureConnection, overrides: AzureClientOverrides = {}) {
    this.endpoints = resolveEndpoints(connection);
    this.credential = overrides.credential ?? createCredential(connection, this.endpoints);
    this.httpClient = overrides.httpClient;
    this.retryOptions = {
      maxRetries: connection.retry.maxRetries,
      retryDelayInMs: connection.retry.delay ?? 1_000,
      maxRetryDelayInMs: connection.retry.maxDelay ?? 30_000,
    };
  }

  private get common() {
    return {
      retryOptions: this.retryOptions,
      ...(this.httpClient ? { httpClient: this.httpClient } : {}),
      additionalPolicies: [
        { policy: callSignalPolicy, position: "perCall" as const },
        { policy: callAttemptsPolicy, position: "perRetry" as const },
      ],
      userAgentOptions: { userAgentPrefix: "standfast" },
    };
  }

  metrics(region: string): MetricsClient {
    let client = this.metricsClients.get(region);
    if (!client) {
      client = new MetricsClient(metricsEndpointFor(this.endpoints, region), this.credential, {
        ...this.common,
        credentials: { scopes: [`${this.endpoints.armAudience}/.default`] },
      });
      this.metricsClients.set(region, client);
    }
    return client;
  }

  logs(): LogsQueryClient {
    // The client ignores `audience`; the scope is what decides the token (and `endpoint` must carry /v1).
    this.logsClient ??= new LogsQueryClient(this.credential, {
      ...this.common,
      endpoint: `${this.endpoints.logsEndpoint}/v1`,
      credentials: { scopes: [`${this.endpoints.logsAudience}/.default`] },
    });
    return this.logsClient;
  }

  /** GET on Azure Resource Manager, returning the parsed JSON; errors as AzureCallError. */
  async armGet(pathOrUrl: string, signal: AbortSignal | undefined): Promise<unknown> {
    if (!this.armPipeline) {
      const pipeline = createPipelineFromOptions({
        retryOptions: this.retryOptions,
        userAgentOptions: { userAgentPrefix: "standfast" },
      });
      pipeline.addPolicy(callSignalPolicy);
      pipeline.addPolicy(
        bearerTokenAuthenticationPolicy({
          credential: this.credential,
          scopes: `${this.endpoints.armAudience}/.default`,
        }),
      );
      pipeline.addPolicy(callAttemptsPolicy, { afterPhase: "Retry" });
      this.armPipeline = pipeline;
    }
    const url = pathOrUrl.startsWith("https://")
      ? pathOrUrl
      : `${this.endpoints.armEndpoint}${pathOrUrl}`;
    const request = createPipelineRequest({ url, method: "GET", abortSignal: signal });
    request.headers.set("accept", "application/json");
    const response = await this.armPipeline.sendRequest(
      this.httpClient ?? (this.defaultHttp ??= createDefaultHttpClient()),
      request,
    );
    const text = response.bodyAsText ?? "";
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (response.status >= 400) {
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      throw new AzureCallError(
        `HTTP ${response.status}${error?.code ? ` ${error.code}` : ""}${error?.message ? `: ${error.message}` : ""}`,
        response.status,
        isTransientStatus(response.status),
      );
    }
    if (body === null) throw new AzureCallError("the answer was not JSON", response.status, true);
    return body;
  }
  /** One per connection of whatever a source keeps (its batcher). */
  keep<T>(name: string, create: () => T): T {
    if (!this.memo.has(name)) this.memo.set(name, create());
    return this.memo.get(name) as T;
  }
}

export const isTransientStatus = (status: number) =>
  status === 408 || status === 429 || status >= 500;

const SETUP_ERRORS = new Set([
  "CredentialUnavailableError",
  "AuthenticationError",
  "AggregateAuthenticationError",
  "AuthenticationRequiredError",
]);

/** Any failure of an SDK call, as one AzureCallError whose message says who answered what. */
export function explainAzureError(what: string, error: unknown): AzureCallError {
  if (error instanceof AzureCallError)
    return new AzureCallError(
      error.message.startsWith(what) ? error.message : `${what}: ${error.message}`,
      error.status,
      error.transient,
    );
  const e = error as {
    name?: string;
    statusCode?: number;
    code?: string;
    message?: string;
    details?: { error?: { code?: string; message?: string } };
  };
  if (e?.name && SETUP_ERRORS.has(e.name)) {
    const message = (e.message ?? "").split("\n")[0]!.slice(0, 300);
    return new AzureCallError(`${what}: sign-in to Azure failed: ${message}`, null, false);
  }
  if (typeof e?.statusCode === "number") {
    const code = e.details?.error?.code ?? e.code;
    const message = e.details?.error?.message ?? e.message;
    return new AzureCallError(
      `${what}: HTTP ${e.statusCode}${code && !/^\d+$/.test(code) ? ` ${code}` : ""}${message ? `: ${message.slice(0, 300)}` : ""}`,
      e.statusCode,
      isTransientStatus(e.statusCode),
    );
  }
  return new AzureCallError(`${what}: ${errorText(error)}`, null, true);
}
