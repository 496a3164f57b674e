import "server-only";
import type { EstateComponent } from "../estate/types";
import type { ReadContext, Reading } from "../status/reading-types";
import { availabilityReading, type AvailabilityStatus } from "./availability";
import { AzureCallError, runCall } from "./calls";
import { explainAzureError, type AzureClients } from "./clients";
import { GroupFetcher } from "./group-fetcher";
import { readFailure } from "./read-failure";
import { parseResourceId, resourceKey } from "../estate/azure-resource-id-types";
import type { AzureRuntime } from "./runtime";
import type { AzureResourceHealthSource } from "../estate/azure-spec-types";

const WHAT = "Azure Resource Health";
export const RESOURCE_HEALTH_API_VERSION = "2024-02-01";
const STATUS_SUFFIX = /\/providers\/Microsoft\.ResourceHealth\/availabilityStatuses\/current$/i;
const MAX_PAGES = 20;

/**
 * One call per resource group lists the current status of every resource in it (following
 * nextLink), instead of one call per resource.
 */
async function fetchGroupHealth(
  clients: AzureClients,
  groupKey: string,
  resourceIds: string[],
  signal: AbortSignal,
): Promise<Map<string, AvailabilityStatus | Error>> {
  const { subscriptionId, resourceGroup } = JSON.parse(groupKey) as {
    subscriptionId: string;
    resourceGroup: string;
  };
  const byResource = new Map<string, AvailabilityStatus>();
  try {
    await runCall(WHAT, signal, async () => {
      let next: string | undefined =
        `/subscriptions/${encodeURIComponent(subscriptionId)}/resourceGroups/${encodeURIComponent(resourceGroup)}` +
        `/providers/Microsoft.ResourceHealth/availabilityStatuses?api-version=${RESOURCE_HEALTH_API_VERSION}`;
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const body = (await clients.armGet(next, signal)) as {
          value?: AvailabilityStatus[];
          nextLink?: string | null;
        };
        for (const status of body.value ?? [])
          if (status.id) byResource.set(resourceKey(status.id.replace(STATUS_SUFFIX, "")), status);
        next = body.nextLink ?? undefined;
        // The bearer token goes to Resource Manager only.
        if (next && !next.startsWith(`${clients.endpoints.armEndpoint}/`))
          throw new AzureCallError(
            `nextLink leaves ${clients.endpoints.armEndpoint}: ${next}`,
            null,
            false,
          );
      }
    });
  } catch (error) {
    throw explainAzureError(WHAT, error);
  }
  return new Map(
    resourceIds.map((id) => [
      id,
      byResource.get(resourceKey(id)) ??
        new Error(`${WHAT} lists no status for it in resource group ${resourceGroup}`),
    ]),
  );
}

/** `azure-resource-health`: Available, Degraded, Unavailable or Unknown, with Azure's own words. */
export async function readAzureResourceHealth(
  runtime: AzureRuntime,
  spec: AzureResourceHealthSource,
  component: EstateComponent,
  ctx: ReadContext,
): Promise<Reading> {
  const parsed = parseResourceId(spec.resourceId);
  if (!parsed) return { status: "unknown", latencyMs: null, reason: "not an Azure resource id" };
  const clients = runtime.clientsFor(spec.connection);
  const fetcher = clients.keep(
    "resource-health",
    () =>
      new GroupFetcher<AvailabilityStatus>(
        (group, ids, signal) => fetchGroupHealth(clients, group, ids, signal),
        { windowMs: runtime.options.windowMs },
      ),
  );
  const group = JSON.stringify({
    subscriptionId: parsed.subscriptionId.toLowerCase(),
    resourceGroup: parsed.resourceGroup.toLowerCase(),
  });
  try {
    const status = await fetcher.get(group, spec.resourceId, {
      signal: ctx.signal,
      maxAgeMs: component.intervalMs / 2,
      timeoutMs: ctx.timeoutMs,
    });
    return availabilityReading(status, ctx.now);
  } catch (error) {
    return readFailure(WHAT, error, ctx);
  }
}
