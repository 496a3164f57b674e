/** The recorded Azure responses, read as files (ESM JSON imports need attributes Playwright's loader lacks). */
import fs from "node:fs";

const load = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(new URL(`./azure-recordings/${name}`, import.meta.url), "utf8")) as T;

type Recorded<B> = { response: { status: number; body: B } };
type Point = { timeStamp: string; average: number };
type BatchMetric = {
  id: string;
  name: { value: string; localizedValue: string };
  timeseries: { metadatavalues: unknown[]; data: Point[] }[];
  errorCode: string;
};
type BatchValue = { namespace: string; resourceid: string; value: BatchMetric[] };
type HealthEntry = { id: string; properties: Record<string, unknown> };
type LogsBody = { tables: unknown[]; error?: unknown };

export const BATCH = load<Recorded<{ values: BatchValue[] }>>("metrics-batch-getBatch.json");
export const HEALTH = load<Recorded<{ value: HealthEntry[] }>>(
  "resourcehealth-availabilityStatuses-list.json",
);
export const LOGS = load<{ success: Recorded<LogsBody>; partialError: Recorded<LogsBody> }>(
  "logs-workspace-query.json",
);
export const ERRORS = load<{ metricsBatch404: Recorded<unknown>; logsQuery400: Recorded<unknown> }>(
  "errors.json",
);
