/** Client-safe shapes and vocabulary of restores. */
import type { CheckedItem, ChosenSchedule } from "./restore-choices";

export * from "./restore-choices";

export type PreflightCheck = {
  id: "archive" | "store" | "region" | "target-state" | "edition" | "name" | "in-flight";
  title: string;
  ok: boolean;
  detail: string;
};
export type PreflightResult = { ok: boolean; checks: PreflightCheck[] };

export const RESTORE_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];

/** The job's steps, in order. A restart resumes at the first step not done. */
export const RESTORE_STEPS = ["verify", "create", "apply", "suspend"] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];
export const STEP_LABEL: Record<RestoreStep, string> = {
  verify: "Verify the archive",
  create: "Create the service (restoring)",
  apply: "Apply the configuration",
  suspend: "Leave it suspended",
};

/**
 * The post-restore checklist of the domain brief that people tick; "configure automated backups" is
 * checked against the store instead (CHECKED_ITEMS), and the last item is the Resume action itself.
 */
export const CHECKLIST = [
  { id: "acs-credentials", text: "Update the ACS credentials in client applications" },
  {
    id: "agreement-sources",
    text: "If this restore copies an environment, point its agreements at a different source (two agreements must not pull the same messages)",
  },
  { id: "tools-target", text: "Make tools and scripts target the right environment" },
  { id: "hybrid-connections", text: "Recreate hybrid connections" },
] as const;
export type ChecklistId = (typeof CHECKLIST)[number]["id"];

export const EDI_WARNING =
  "EDI control numbers come back as of the backup: messages processed after it can get duplicate control numbers.";

export type RestoreView = {
  id: string;
  backupId: string;
  backupName: string;
  sourceService: string;
  target: string;
  region: string;
  edition: string;
  trackingDatabase: string;
  storage: string;
  status: RestoreStatus;
  step: RestoreStep | "done";
  progress: number;
  requestedBy: string;
  requestedAt: string;
  finishedAt: string | null;
  error: string | null;
  log: { at: string; level: "info" | "error"; message: string }[];
  checklist: Record<string, { by: string; at: string } | undefined>;
  /** The checklist items checked against the store when this view was read. */
  checks: CheckedItem[];
  /** The choices made for the new service (null: requested before they existed). */
  storageReplication: string | null;
  backupSchedule: ChosenSchedule | null;
  targetState: string | null;
  resumedAt: string | null;
  resumedBy: string | null;
  worker: RestoreWorkerView;
  /** The server's time when this view was read: the browser's ages are counted from it. */
  asOf: string;
};

/** Who runs the restore, and whether it is still heard from. */
export type RestoreWorkerView = {
  /** The running worker's last heartbeat. */
  heartbeatAt: string | null;
  attempts: number;
  maxAttempts: number;
  /** When a worker running it was last found lost, and the job queued to resume. */
  lostAt: string | null;
  /** A worker silent this long counts as lost. */
  lostAfterMs: number;
};
