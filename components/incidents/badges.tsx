import type { Status } from "@/lib/status/vocabulary";
import {
  IMPACT_LABEL,
  INCIDENT_STATUS_LABEL,
  isResolved,
  MAINTENANCE_STATUS_LABEL,
  type Impact,
  type IncidentStatus,
  type MaintenanceStatus,
} from "@/lib/incidents/incident-types";
import { StatusIcon } from "../status/status-icon";

/** The shape and colour of each impact: the component status it comes from. */
export const IMPACT_SHAPE: Record<Impact, Status> = {
  none: "operational",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
};

const pill =
  "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap";

/** Where an incident stands, in words; resolved ones with the operational mark. */
export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const done = isResolved(status);
  return (
    <span
      data-incident-status={status}
      className={`${pill} ${done ? "border-green-700/40 text-green-900 dark:text-green-200" : "border-zinc-400 text-zinc-800 dark:border-zinc-600 dark:text-zinc-100"}`}
    >
      {done && <StatusIcon status="operational" className="size-3.5" />}
      {INCIDENT_STATUS_LABEL[status]}
    </span>
  );
}

export function ImpactBadge({ impact }: { impact: Impact }) {
  return (
    <span data-impact={impact} className={`${pill} border-zinc-300 dark:border-zinc-700`}>
      <StatusIcon status={IMPACT_SHAPE[impact]} className="size-3.5" />
      {impact === "none" ? IMPACT_LABEL.none : `${IMPACT_LABEL[impact]} impact`}
    </span>
  );
}

export function MaintenanceBadge({ status }: { status: MaintenanceStatus }) {
  return (
    <span
      data-maintenance-status={status}
      className={`${pill} border-blue-600/40 text-blue-900 dark:text-blue-200`}
    >
      <StatusIcon
        status={status === "completed" ? "operational" : "under_maintenance"}
        className="size-3.5"
      />
      {MAINTENANCE_STATUS_LABEL[status]}
    </span>
  );
}
