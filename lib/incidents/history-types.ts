/** Client-safe shapes of the history page. */
export type { HistoryDay, HistoryEntry, QuietStretch } from "./history-days";

export type ServiceUptime = {
  serviceId: string;
  /** Percent over the last 30 and 90 days; null when nothing was read. */
  uptime30: number | null;
  uptime90: number | null;
};
