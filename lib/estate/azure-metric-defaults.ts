/** Client-safe: what `azure-metrics` watches when the estate file lists no metrics. */
import type { MetricRule } from "./azure-spec-types";

/**
 * Sensible defaults per resource type (lower-cased), for the kinds of resource an integration
 * service is built from. Each threshold applies to the latest value in the window.
 */
const DEFAULTS: Record<string, MetricRule[]> = {
  // Tracking database (Azure SQL Database).
  "microsoft.sql/servers/databases": [
    {
      name: "connection_failed",
      aggregation: "total",
      above: { degraded: 5, partial: 50 },
      noData: "unknown",
    },
    { name: "cpu_percent", aggregation: "average", above: { degraded: 90 }, noData: "unknown" },
  ],
  // Storage account: share of successful requests, and end-to-end latency in ms.
  "microsoft.storage/storageaccounts": [
    {
      name: "Availability",
      aggregation: "average",
      below: { degraded: 99.9, partial: 99, major: 50 },
      noData: "unknown",
    },
    {
      name: "SuccessE2ELatency",
      aggregation: "average",
      above: { degraded: 1000 },
      noData: "operational",
    },
  ],
  // Role instances on a VM scale set: the share of instances that are available (0 to 1).
  "microsoft.compute/virtualmachinescalesets": [
    {
      name: "VmAvailabilityMetric",
      aggregation: "average",
      below: { partial: 1, major: 0.01 },
      noData: "unknown",
    },
  ],
  "microsoft.compute/virtualmachines": [
    {
      name: "VmAvailabilityMetric",
      aggregation: "average",
      below: { major: 0.5 },
      noData: "unknown",
    },
  ],
  // Role instances on App Service: the share of instances passing the health check (0 to 100).
  "microsoft.web/sites": [
    {
      name: "HealthCheckStatus",
      aggregation: "average",
      below: { partial: 100, major: 1 },
      noData: "unknown",
    },
  ],
  // Messaging and identity namespaces.
  "microsoft.servicebus/namespaces": [
    {
      name: "ServerErrors",
      aggregation: "total",
      above: { degraded: 0, partial: 10 },
      noData: "unknown",
    },
    { name: "ThrottledRequests", aggregation: "total", above: { degraded: 0 }, noData: "unknown" },
  ],
  "microsoft.eventhub/namespaces": [
    {
      name: "ServerErrors",
      aggregation: "total",
      above: { degraded: 0, partial: 10 },
      noData: "unknown",
    },
  ],
  "microsoft.keyvault/vaults": [
    {
      name: "Availability",
      aggregation: "average",
      below: { degraded: 99.9, partial: 99, major: 50 },
      noData: "unknown",
    },
  ],
};

export function defaultMetricRules(resourceType: string): MetricRule[] | undefined {
  return DEFAULTS[resourceType.toLowerCase()];
}
