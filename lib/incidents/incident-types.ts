/** Client-safe incident and maintenance vocabulary and the shapes pages render. */
import type { Status } from "../status/vocabulary";

/** Statuspage's incident statuses; `postmortem` once a resolved incident has its postmortem. */
export const INCIDENT_STATUSES = [
  "investigating",
  "identified",
  "monitoring",
  "resolved",
  "postmortem",
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** What an update may set: the postmortem is written apart, after resolution. */
export const UPDATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};

export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];
export const IMPACT_LABEL: Record<Impact, string> = {
  none: "No impact",
  minor: "Minor",
  major: "Major",
  critical: "Critical",
};

export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];
export const MAINTENANCE_STATUS_LABEL: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

export const isResolved = (status: IncidentStatus) =>
  status === "resolved" || status === "postmortem";

export type AffectedComponent = {
  id: string;
  name: string;
  region: string;
  serviceIds: string[];
  /** The component's status now, as the board shows it. */
  status: Status;
  worstStatus: Status;
  failingSince: string | null;
  healthySince: string | null;
  addedBy: string;
  removed: boolean;
};

export type IncidentUpdateView = {
  id: string;
  status: IncidentStatus;
  body: string;
  createdAt: string;
  /** Who wrote it; shown only to signed-in people. */
  author: { kind: string; name: string };
  affectedComponents: { code: string; name: string; old_status: string; new_status: string }[];
};

export type IncidentView = {
  id: string;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  impactSetBy: string | null;
  origin: "detected" | "operator";
  startedAt: string;
  createdAt: string;
  updatedAt: string;
  monitoringAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  operatorUpdatedAt: string | null;
  recoveredAt: string | null;
  postmortem: string | null;
  postmortemAt: string | null;
  components: AffectedComponent[];
  regions: string[];
  serviceIds: string[];
  /** Newest first. */
  updates: IncidentUpdateView[];
};

export type MaintenanceUpdateView = {
  id: string;
  status: MaintenanceStatus;
  body: string;
  createdAt: string;
  author: { kind: string; name: string };
};

export type MaintenanceView = {
  id: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil: string;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  components: { id: string; name: string; region: string; serviceIds: string[] }[];
  /** Newest first. */
  updates: MaintenanceUpdateView[];
};

/** One line of an incident's automatic timeline. */
export type TimelineEntry = {
  at: string;
  kind: "update" | "status" | "fault" | "operation" | "backup" | "restore";
  text: string;
  /** Who did it, when a person or token did. */
  who: string | null;
  href: string | null;
  status?: Status;
};

/** The newest succeeded backup of a service taken before an incident started. */
export type LastGoodBackup = {
  serviceId: string;
  backup: { id: string; name: string; takenAt: string; region: string } | null;
};
