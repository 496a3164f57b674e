/** The fixture server's answers: recorded responses, reshaped for what each request asks. */
import { BATCH, ERRORS, HEALTH, LOGS } from "./azure-recordings";
import type { AzureScenario, RecordedRequest } from "./azure-fixtures";

export type Answer = { status: number; headers: Record<string, string>; body: unknown };
const ok = (body: unknown): Answer => ({ status: 200, headers: {}, body });
const key = (id: string) => id.toLowerCase().replace(/\/+$/, "");

/** Properties that turn a recorded Resource Health entry into an unplanned outage. */
export const UNAVAILABLE = {
  availabilityState: "Unavailable",
  title: "Unavailable",
  summary:
    "We're sorry, your storage account isn't available because of an Azure platform problem.",
  reasonType: "Unplanned",
  occuredTime: "2023-11-30T01:15:00Z",
  reportedTime: "2023-11-30T02:06:46Z",
};

/**
 * getBatch: the recorded answer's first entry, once per requested resource, with one metric per
 * requested name (the name in the id, a display name in `name`, as the service does) and the
 * recorded points carrying each requested aggregation.
 */
export function answerMetrics(
  req: RecordedRequest,
  scenario: NonNullable<AzureScenario["metrics"]>,
): Answer {
  const ids = (JSON.parse(req.body || "{}") as { resourceids?: string[] }).resourceids ?? [];
  const names = (req.query.get("metricnames") ?? "").split(",").filter(Boolean);
  const aggregations = (req.query.get("aggregation") ?? "average").split(",").filter(Boolean);
  const recorded = BATCH.response.body.values[0]!;
  const metric = recorded.value[0]!;
  const lookup = (m: Record<string, Record<string, number | null>> | undefined, id: string) =>
    m ? Object.entries(m).find(([k]) => key(k) === key(id))?.[1] : undefined;
  const values = ids
    .filter((id) => !scenario.omitResources?.some((o) => key(o) === key(id)))
    .map((id) => {
      const failed = scenario.failResources?.some((f) => key(f) === key(id));
      const overrides = lookup(scenario.values, id);
      return {
        ...structuredClone(recorded),
        resourceid: id,
        namespace: req.query.get("metricnamespace") ?? recorded.namespace,
        value: names.map((name) => {
          const set = overrides ? overrides[name] : undefined;
          const data = metric.timeseries[0]!.data.map((point) => {
            const out: Record<string, unknown> = { timeStamp: point.timeStamp };
            if (set === null) return out;
            for (const a of aggregations) out[a] = set ?? point.average;
            return out;
          });
          return {
            ...structuredClone(metric),
            id: `${id}/providers/Microsoft.Insights/metrics/${name}`,
            name: { value: name, localizedValue: `${name} (display name)` },
            timeseries: failed ? [] : [{ metadatavalues: [], data }],
            errorCode: failed ? "ResourceNotFound" : "Success",
            ...(failed ? { errorMessage: `The resource ${id} was not found.` } : {}),
          };
        }),
      };
    });
  return ok({ values });
}

/** Resource Health list: the recorded entries of the resource group asked for (or all), with overrides. */
export function answerHealth(path: string, scenario: NonNullable<AzureScenario["health"]>): Answer {
  const group = /\/resourceGroups\/([^/]+)\//i.exec(path)?.[1]?.toLowerCase();
  const value = HEALTH.response.body.value
    .filter((entry) => !group || entry.id.toLowerCase().includes(`/resourcegroups/${group}/`))
    .map((entry) => {
      const resource = entry.id.replace(/\/providers\/Microsoft\.ResourceHealth\/.*$/i, "");
      const override = Object.entries(scenario.states ?? {}).find(
        ([k]) => key(k) === key(resource),
      )?.[1];
      return override ? { ...entry, properties: { ...entry.properties, ...override } } : entry;
    });
  return ok({ value });
}

const ACTIVITY_COLUMNS = [
  ["EventDataId", "string"],
  ["TimeGenerated", "datetime"],
  ["OperationNameValue", "string"],
  ["OperationName", "string"],
  ["ActivityStatusValue", "string"],
  ["_ResourceId", "string"],
  ["Caller", "string"],
] as const;

/** One AzureActivity row, in the column order the server's table uses. */
export function activityRow(row: {
  id: string;
  at: string;
  operation: string;
  name?: string;
  status?: string;
  resourceId: string;
  caller?: string;
}): Record<string, unknown> {
  return {
    EventDataId: row.id,
    TimeGenerated: row.at,
    OperationNameValue: row.operation,
    OperationName: row.name ?? "",
    ActivityStatusValue: row.status ?? "Success",
    _ResourceId: row.resourceId,
    Caller: row.caller ?? "",
  };
}

/**
 * Log Analytics: for an AzureActivity query, the scenario's rows as a table shaped like the
 * recorded one (or with the recorded partial error); otherwise the recorded answers as they are.
 */
export function answerLogs(
  req: RecordedRequest,
  scenario: NonNullable<AzureScenario["logs"]>,
  badRequest: boolean,
): Answer {
  if (badRequest) return { status: 400, headers: {}, body: ERRORS.logsQuery400.response.body };
  const query = (JSON.parse(req.body || "{}") as { query?: string }).query ?? "";
  if (!query.startsWith("AzureActivity"))
    return ok(scenario.partial ? LOGS.partialError.response.body : LOGS.success.response.body);
  const table = {
    name: "PrimaryResult",
    columns: ACTIVITY_COLUMNS.map(([name, type]) => ({ name, type })),
    rows: (scenario.activity ?? []).map((r) => ACTIVITY_COLUMNS.map(([name]) => r[name] ?? null)),
  };
  return ok(
    scenario.partial
      ? { tables: [table], error: LOGS.partialError.response.body.error }
      : { tables: [table] },
  );
}

/** Microsoft Entra ID, as much as a client-secret credential needs: discovery and a token. */
export function answerToken(path: string, hostBase: string): Answer {
  const tenant = path.split("/")[1] ?? "tenant";
  if (path.endsWith("/openid-configuration"))
    return ok({
      token_endpoint: `${hostBase}/${tenant}/oauth2/v2.0/token`,
      authorization_endpoint: `${hostBase}/${tenant}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${hostBase}/${tenant}/oauth2/v2.0/logout`,
      issuer: `${hostBase}/${tenant}/v2.0`,
      jwks_uri: `${hostBase}/${tenant}/discovery/v2.0/keys`,
    });
  return ok({
    token_type: "Bearer",
    expires_in: 3600,
    ext_expires_in: 3600,
    access_token: "fixture-token",
  });
}
