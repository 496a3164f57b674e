import "server-only";
import type { MetricsQueryResourcesOptions } from "@azure/monitor-query-metrics";
import type { EstateComponent } from "../estate/types";
import type { ReadContext, Reading } from "../status/reading-types";
import { runCall } from "./calls";
import { explainAzureError, type AzureClients } from "./clients";
import { GroupFetcher } from "./group-fetcher";
import { defaultMetricRules } from "../estate";
import { judgeMetrics, type MetricSeries } from "./metric-rules";
import { readFailure } from "./read-failure";
import { parseResourceId, sameResource } from "../estate/azure-resource-id-types";
import type { AzureRuntime } from "./runtime";
import {
  DEFAULT_METRICS_WINDOW_MS,
  type AzureMetricsSource,
  type MetricRule,
} from "../estate/azure-spec-types";

const WHAT = "Azure Monitor metrics";

/** What one batch call shares: the batch endpoint takes one subscription and region, one namespace. */
type MetricsGroup = {
  subscriptionId: string;
  region: string;
  namespace: string;
  names: string[];
  aggregations: string[];
  windowMs: number;
};

export function metricsPlan(spec: AzureMetricsSource, component: EstateComponent) {
  const parsed = parseResourceId(spec.resourceId);
  if (!parsed) return null;
  const rules: MetricRule[] = spec.metrics ?? defaultMetricRules(parsed.type) ?? [];
  const windowMs = spec.window ?? DEFAULT_METRICS_WINDOW_MS;
  const group: MetricsGroup = {
    subscriptionId: parsed.subscriptionId.toLowerCase(),
    region: (spec.region ?? component.region).toLowerCase(),
    namespace: spec.namespace ?? parsed.type,
    names: [...new Set(rules.map((r) => r.name))].sort(),
    aggregations: [...new Set(rules.map((r) => r.aggregation))].sort(),
    windowMs,
  };
  return { rules, windowMs, group: JSON.stringify(group) };
}

async function fetchMetrics(
  clients: AzureClients,
  groupKey: string,
  resourceIds: string[],
  signal: AbortSignal,
): Promise<Map<string, MetricSeries[] | Error>> {
  const g = JSON.parse(groupKey) as MetricsGroup;
  const endTime = new Date();
  const options = {
    startTime: new Date(endTime.getTime() - g.windowMs),
    endTime,
    interval: "PT1M",
    aggregation: g.aggregations.join(","),
    // The SDK passes operation options on, though its type leaves the signal out.
    abortSignal: signal,
  } as MetricsQueryResourcesOptions;
  let results;
  try {
    results = await runCall(WHAT, signal, () =>
      clients.metrics(g.region).queryResources(resourceIds, g.names, g.namespace, options),
    );
  } catch (error) {
    throw explainAzureError(WHAT, error);
  }
  const answer = new Map<string, MetricSeries[] | Error>();
  for (const id of resourceIds) {
    const result = results.find((r) => r.resourceId && sameResource(r.resourceId, id));
    answer.set(
      id,
      result
        ? (result.metrics as MetricSeries[])
        : new Error(`${WHAT}: the answer had no values for it`),
    );
  }
  return answer;
}

/** `azure-metrics`: the latest value of each watched metric, judged by its thresholds. */
export async function readAzureMetrics(
  runtime: AzureRuntime,
  spec: AzureMetricsSource,
  component: EstateComponent,
  ctx: ReadContext,
): Promise<Reading> {
  const plan = metricsPlan(spec, component);
  if (!plan) return { status: "unknown", latencyMs: null, reason: "not an Azure resource id" };
  const clients = runtime.clientsFor(spec.connection);
  const fetcher = clients.keep(
    "metrics",
    () =>
      new GroupFetcher<MetricSeries[]>(
        (group, ids, signal) => fetchMetrics(clients, group, ids, signal),
        {
          windowMs: runtime.options.windowMs,
        },
      ),
  );
  try {
    const metrics = await fetcher.get(plan.group, spec.resourceId, {
      signal: ctx.signal,
      maxAgeMs: component.intervalMs / 2,
      timeoutMs: ctx.timeoutMs,
    });
    return judgeMetrics(plan.rules, metrics, plan.windowMs);
  } catch (error) {
    return readFailure(WHAT, error, ctx);
  }
}
