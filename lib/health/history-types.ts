/** Client-safe shapes of component and service history, as pages render them and the API serves them. */
import type { BoardComponent, BoardService } from "./board-types";
import type { Status } from "../status/vocabulary";

export const HISTORY_RANGES = ["24h", "7d", "30d"] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];
export const DEFAULT_RANGE: HistoryRange = "24h";

export const RANGE_LABEL: Record<HistoryRange, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

export function isHistoryRange(value: unknown): value is HistoryRange {
  return typeof value === "string" && (HISTORY_RANGES as readonly string[]).includes(value);
}

/** One bucket of a series. Null means no known sample in the bucket: a gap, never 100 %. */
export type SeriesPoint = {
  /** Bucket start, ISO. */
  at: string;
  latencyAvgMs: number | null;
  latencyMaxMs: number | null;
  /** Share (0-100) of known samples that were not a partial or major outage. */
  availability: number | null;
  samples: number;
};

export type HistorySeries = {
  componentId: string;
  range: HistoryRange;
  bucketMs: number;
  from: string;
  to: string;
  /** Where the figures come from: raw samples, or hourly roll-ups. */
  resolution: "samples" | "hourly";
  /** 24h only: hours without raw samples (pruned or backfilled) shown from hourly roll-ups. */
  hoursFromRollups: number;
  points: SeriesPoint[];
};

export type UptimeDay = {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** 0-100, or null when the day has no known sample ("no data"). */
  uptime: number | null;
  worst: Status | null;
  samples: number;
};

export type UptimeHistory = {
  componentId: string;
  days: UptimeDay[];
  /** Over the days with data; null when none has. */
  uptime: number | null;
  daysWithData: number;
};

export type StatusChangeEntry = {
  id: number;
  componentId: string;
  at: string;
  from: Status | null;
  to: Status;
  reason: string | null;
};

export type InstanceView = {
  name: string;
  status: Status;
  reason: string | null;
};

export type ServiceRef = { id: string; status: Status; reason: string | null };

export type ComponentView = {
  generatedAt: string;
  component: BoardComponent;
  regionName: string;
  secondaryRegionName: string | null;
  /** Per-instance states as last reported; all `unknown` while the component's data is stale. */
  instances: InstanceView[] | null;
  instancesReportedAt: string | null;
  dependents: ServiceRef[];
};

export type ServiceComponentView = BoardComponent & {
  role: "roles" | "dependency";
  regionName: string;
  /** Other services that use this same component. */
  sharedWith: ServiceRef[];
};

export type ServiceView = {
  generatedAt: string;
  demo: boolean;
  service: BoardService;
  regionName: string;
  /** The newest status change among its components: the service's status has held at least since. */
  since: string | null;
  /** Role instances first, then the dependencies in board order. */
  components: ServiceComponentView[];
  impactedBy: { id: string; name: string; status: Status }[];
};
