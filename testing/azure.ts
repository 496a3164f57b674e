/** Helpers for tests of the Azure sources: a runtime wired to the fixture server, and specs. */
import type { AzureConnectionInput } from "../lib/estate/azure-connection-types";
import { AzureRuntime } from "../lib/azure/runtime";
import { AzureMetricsSource, AzureResourceHealthSource } from "../lib/estate/azure-spec-types";
import type { EstateComponent } from "../lib/estate/types";
import type { TokenCredential } from "@azure/core-auth";
import { RECORDED_STORE, testCredential, type AzureFixtureServer } from "./azure-fixtures";

export { RECORDED_HEALTH, RECORDED_STORE } from "./azure-fixtures";
import { readContext, testComponent } from "./sources";

/** A runtime whose clients send every request to the fixture server, with a fixed token. */
export function fixtureRuntime(
  server: AzureFixtureServer,
  options: { credential?: TokenCredential; windowMs?: number } = {},
): AzureRuntime {
  return new AzureRuntime({
    httpClient: server.httpClient(),
    credential: options.credential ?? testCredential,
    windowMs: options.windowMs ?? 50,
  });
}

/** Fast retries, so a test of a failing service does not wait out the real back-off. */
export const fastRetries = (extra: AzureConnectionInput = {}): AzureConnectionInput => ({
  retry: { maxRetries: 2, delay: "20ms", maxDelay: "50ms" },
  ...extra,
});

export function metricsSpec(fields: Record<string, unknown> = {}) {
  return AzureMetricsSource.parse({
    type: "azure-metrics",
    resourceId: RECORDED_STORE,
    region: "westus",
    metrics: [
      { name: "HttpIncomingRequestCount", aggregation: "average", above: { degraded: 100 } },
    ],
    connection: fastRetries(),
    ...fields,
  });
}

export function healthSpec(resourceId: string, connection = fastRetries()) {
  return AzureResourceHealthSource.parse({ type: "azure-resource-health", resourceId, connection });
}

/** A read context that is disposed after the test. */
export function contextFor(timeoutMs: number, disposers: (() => void)[]) {
  const c = readContext(timeoutMs);
  disposers.push(c.dispose);
  return c.ctx;
}

export function componentFor(
  spec: AzureMetricsSource | AzureResourceHealthSource,
  overrides: Partial<EstateComponent> = {},
): EstateComponent {
  return testComponent(spec, {
    intervalMs: 60_000,
    timeoutMs: 10_000,
    region: "westus",
    ...overrides,
  });
}
