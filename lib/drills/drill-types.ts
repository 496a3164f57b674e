/** Client-safe drill vocabulary: what the service page, the API and the CLI show. */
export const DRILL_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

export type DrillView = {
  id: string;
  serviceId: string;
  backupId: string;
  backupName: string;
  trigger: "operator" | "schedule";
  status: DrillStatus;
  requestedBy: string;
  requestedAt: string;
  readyAt: string | null;
  finishedAt: string | null;
  /** Request to ready (the sandbox restored and its configuration read back), in ms. */
  rtoMs: number | null;
  reason: string | null;
  sandbox: string;
  expectedHash: string | null;
  restoredHash: string | null;
};

export type DrillScheduleView = { everyDays: number; nextDueAt: string } | null;

/** Days between scheduled drills an admin may choose. */
export const DRILL_EVERY_DAYS = { min: 1, max: 365 } as const;

export function formatRto(ms: number | null): string {
  if (ms === null) return "not measured";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
