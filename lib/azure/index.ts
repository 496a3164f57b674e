import "server-only";

export {
  ActivityLogIncompleteError,
  azureResourcesByService,
  listManagementOperations,
  managementOperationsQuery,
  type ManagementOperation,
  type ServiceResources,
} from "./activity-log";
export { AzureCallError } from "./calls";
export { AzureClients, createCredential, type AzureClientOverrides } from "./clients";
export * from "../estate/azure-connection-types";
export { readAzureMetrics } from "./metrics";
export { readAzureResourceHealth } from "./resource-health";
export { AzureRuntime, azureRuntime, type AzureRuntimeOptions } from "./runtime";
export * from "../estate/azure-spec-types";

import type { LoadedEstate } from "../estate";
import { azureResourcesByService, listManagementOperations } from "./activity-log";
import { azureRuntime } from "./runtime";

/**
 * The estate's management operations since `since`, from the workspace its `azure.activityLog`
 * names; null when the estate names none.
 */
export async function readManagementOperations(
  estate: Pick<LoadedEstate, "azure" | "services" | "components">,
  since: Date,
  signal?: AbortSignal,
  runtime = azureRuntime(),
) {
  const workspaceId = estate.azure?.activityLog?.workspaceId;
  if (!workspaceId) return null;
  return listManagementOperations(runtime.clientsFor(estate.azure ?? undefined).logs(), {
    workspaceId,
    services: azureResourcesByService(estate),
    since,
    signal,
  });
}
