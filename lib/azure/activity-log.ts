import "server-only";
import type { LogsQueryClient, LogsTable } from "@azure/monitor-query-logs";
import type { EstateComponent, EstateService } from "../estate/types";
import type { ReadSpec } from "../estate/source-spec-types";
import { runCall } from "./calls";
import { explainAzureError } from "./clients";
import { resourceKey } from "../estate/azure-resource-id-types";

const WHAT = "Azure activity log";

/** A management operation on a service's resource, as the backup rule "after every change" needs it. */
export type ManagementOperation = {
  /** The activity log's EventDataId: the same operation read twice has the same id. */
  externalId: string;
  serviceId: string;
  resourceId: string;
  kind: "write" | "delete" | "action";
  summary: string;
  actor: string;
  at: Date;
  status: "succeeded";
};

export type ServiceResources = { serviceId: string; resourceIds: string[] };

/** Only part of the answer came back: the operations found, and Azure's reason for the rest. */
export class ActivityLogIncompleteError extends Error {
  constructor(
    message: string,
    readonly operations: ManagementOperation[],
  ) {
    super(message);
    this.name = "ActivityLogIncompleteError";
  }
}

/** The Azure resources each service is read from (its components' Azure sources). */
export function azureResourcesByService(estate: {
  services: Pick<EstateService, "id" | "components">[];
  components: Pick<EstateComponent, "id" | "source">[];
}): ServiceResources[] {
  const byComponent = new Map(estate.components.map((c) => [c.id, c.source]));
  const idsOf = (spec: ReadSpec | undefined): string[] => {
    if (!spec) return [];
    if (spec.type === "each-instance") return spec.instances.flatMap((i) => idsOf(i.source));
    return "resourceId" in spec ? [spec.resourceId] : [];
  };
  return estate.services
    .map((s) => ({
      serviceId: s.id,
      resourceIds: [...new Set(s.components.flatMap((c) => idsOf(byComponent.get(c.id))))],
    }))
    .filter((s) => s.resourceIds.length > 0);
}

const kql = (text: string) => `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

/** The query: succeeded administrative writes, deletes and actions on (or under) the given resources. */
export function managementOperationsQuery(resourceIds: string[]): string {
  const keys = [...new Set(resourceIds.map(resourceKey))];
  const match = keys.map((k) => `rid == ${kql(k)} or rid startswith ${kql(`${k}/`)}`).join(" or ");
  return [
    "AzureActivity",
    '| where CategoryValue == "Administrative"',
    '| where ActivityStatusValue in~ ("Success", "Succeeded")',
    '| where OperationNameValue endswith "/write" or OperationNameValue endswith "/delete" or OperationNameValue endswith "/action"',
    "| extend rid = tolower(_ResourceId)",
    `| where ${match}`,
    "| project EventDataId, TimeGenerated, OperationNameValue, OperationName, ActivityStatusValue, _ResourceId, Caller",
    "| order by TimeGenerated asc",
  ].join("\n");
}

function rowsOf(table: LogsTable): Record<string, unknown>[] {
  const names = table.columnDescriptors.map((c) => c.name ?? "");
  return table.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
}

function normalize(
  rows: Record<string, unknown>[],
  services: ServiceResources[],
): ManagementOperation[] {
  const out: ManagementOperation[] = [];
  for (const row of rows) {
    const resourceId = String(row._ResourceId ?? "");
    const operation = String(row.OperationNameValue ?? "");
    const kind = operation.toLowerCase().split("/").pop();
    const at =
      row.TimeGenerated instanceof Date ? row.TimeGenerated : new Date(String(row.TimeGenerated));
    if (!resourceId || Number.isNaN(at.getTime())) continue;
    if (kind !== "write" && kind !== "delete" && kind !== "action") continue;
    const status = String(row.ActivityStatusValue ?? "").toLowerCase();
    if (status !== "success" && status !== "succeeded") continue;
    const rid = resourceKey(resourceId);
    const display =
      typeof row.OperationName === "string" && row.OperationName ? row.OperationName : "";
    for (const s of services) {
      const owns = s.resourceIds.some(
        (id) => rid === resourceKey(id) || rid.startsWith(`${resourceKey(id)}/`),
      );
      if (!owns) continue;
      out.push({
        externalId: String(row.EventDataId ?? `${resourceId}|${operation}|${at.toISOString()}`),
        serviceId: s.serviceId,
        resourceId,
        kind,
        summary: display && display !== operation ? `${display} (${operation})` : operation,
        actor: typeof row.Caller === "string" && row.Caller ? row.Caller : "unknown",
        at,
        status: "succeeded",
      });
    }
  }
  return out;
}

/**
 * The succeeded management operations (writes, deletes, actions) on each service's Azure
 * resources since `since`, oldest first, from a Log Analytics workspace's AzureActivity table.
 * A shared resource's operation is listed once per service that uses it.
 */
export async function listManagementOperations(
  client: Pick<LogsQueryClient, "queryWorkspace">,
  input: {
    workspaceId: string;
    services: ServiceResources[];
    since: Date;
    until?: Date;
    signal?: AbortSignal;
  },
): Promise<ManagementOperation[]> {
  const ids = input.services.flatMap((s) => s.resourceIds);
  if (ids.length === 0) return [];
  const timespan = { startTime: input.since, endTime: input.until ?? new Date() };
  let result;
  try {
    result = await runCall(WHAT, input.signal, () =>
      client.queryWorkspace(input.workspaceId, managementOperationsQuery(ids), timespan, {
        serverTimeoutInSeconds: 60,
      }),
    );
  } catch (error) {
    throw explainAzureError(WHAT, error);
  }
  if (result.status === "PartialFailure") {
    const operations = normalize(result.partialTables.flatMap(rowsOf), input.services);
    const e = result.partialError;
    throw new ActivityLogIncompleteError(
      `${WHAT}: only part of the answer came back (${e.code ?? "PartialError"}: ${e.message ?? "no reason given"}); ${operations.length} operations found so far`,
      operations,
    );
  }
  return normalize(result.tables.flatMap(rowsOf), input.services);
}
