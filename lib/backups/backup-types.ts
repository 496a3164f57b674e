/** Client-safe shapes and vocabulary of backups, schedules and management operations. */
import type { Manifest } from "./manifest";
import type { RuleId, ServiceCompliance } from "./compliance-types";

export const BACKUP_TRIGGERS = ["on-demand", "scheduled", "after-change"] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/** queued -> running -> succeeded | failed; a succeeded backup removed by retention becomes pruned. */
export const BACKUP_STATUSES = ["queued", "running", "succeeded", "failed", "pruned"] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

/** What is known of the archive's checksum: checked when written and whenever it is read. */
export const CHECKSUM_STATES = ["unverified", "verified", "corrupted", "missing"] as const;
export type ChecksumState = (typeof CHECKSUM_STATES)[number];

/** The domain brief: backups only in these service states. */
export const BACKUP_ALLOWED_STATES = ["active", "suspended", "stopped"] as const;

export const TRIGGER_LABEL: Record<BackupTrigger, string> = {
  "on-demand": "On demand",
  scheduled: "Scheduled",
  "after-change": "After a change",
};
export const BACKUP_STATUS_LABEL: Record<BackupStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  pruned: "Pruned by retention",
};
export const CHECKSUM_LABEL: Record<ChecksumState, string> = {
  unverified: "Not verified yet",
  verified: "Verified",
  corrupted: "Corrupted",
  missing: "Archive missing",
};

export type BackupRow = {
  id: string;
  name: string;
  serviceId: string;
  storeId: string;
  storeLabel: string;
  region: string;
  regionName: string;
  trigger: BackupTrigger;
  status: BackupStatus;
  checksum: ChecksumState;
  /** ISO times. */
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  sizeBytes: number | null;
  /** 0..1 while running. */
  progress: number | null;
  error: string | null;
  requestedBy: string;
};

export type BackupLogEntry = { at: string; level: "info" | "error"; message: string };

/** Where the archive is shows as its store and region (BackupRow); its file path or URL never leaves the server. */
export type BackupDetail = BackupRow & {
  sha256: string | null;
  manifest: Manifest | null;
  notIncluded: readonly string[];
  log: BackupLogEntry[];
  /** The management operation an after-change backup follows. */
  operation: OperationRow | null;
};

export type BackupQuery = {
  service?: string;
  status?: BackupStatus;
  region?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};
export type BackupPage = {
  rows: BackupRow[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
};

export type StoreOption = {
  id: string;
  label: string;
  kind: "filesystem" | "azure-blob";
  regions: { id: string; name: string }[];
};

export type ScheduleView = {
  serviceId: string;
  enabled: boolean;
  frequencyMs: number;
  retentionMs: number;
  keepAtLeastOne: boolean;
  storeId: string;
  region: string;
  afterChange: boolean;
  nextDueAt: string | null;
  lastRun: BackupRow | null;
  updatedAt: string | null;
  updatedBy: string | null;
};

export const OPERATION_KINDS = [
  "update-ssl-certificate",
  "add-agreement",
  "change-agreement",
  "remove-agreement",
  "change-bridge",
  "scale-units",
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export const OPERATION_LABEL: Record<OperationKind, string> = {
  "update-ssl-certificate": "Update the SSL certificate",
  "add-agreement": "Add an agreement",
  "change-agreement": "Change an agreement",
  "remove-agreement": "Remove an agreement",
  "change-bridge": "Change a bridge",
  "scale-units": "Scale units",
};

export type OperationRow = {
  id: number;
  serviceId: string;
  kind: string;
  summary: string;
  actor: string;
  at: string;
  source: "standfast" | "azure-activity-log";
  /** The first good backup that started after it, if any. */
  followedBy: { backupId: string; name: string; at: string } | null;
};

export type ServiceBackupsView = {
  serviceId: string;
  state: string;
  backupAllowed: boolean;
  editionSupportsBackup: boolean;
  recent: BackupRow[];
  schedule: ScheduleView | null;
  operations: OperationRow[];
};

/** One point per day: how many services met every rule at that day's end. */
export type ComplianceTrendPoint = {
  day: string;
  compliant: number;
  failing: number;
  total: number;
  /** How many services failed each rule that day (rules no service failed are absent). */
  failingByRule: Partial<Record<RuleId, number>>;
};
export type ComplianceReport = {
  generatedAt: string;
  rpoMs: number;
  services: ServiceCompliance[];
  summary: { services: number; compliant: number; failing: number; notApplicable: number };
  trend: ComplianceTrendPoint[];
  /** What the trend is judged by, and from when the estate's facts are recorded. */
  trendNote: string;
};
