/**
 * What fixes each failing compliance rule: one table, rule -> actions -> the role each needs and
 * the page whose form does it. Client-safe and pure. The link only leads to the form; the verb
 * behind it still checks the role and the service's state itself.
 */
import { hasRole, type Role } from "../roles";
import { BACKUP_ALLOWED_STATES } from "./backup-types";
import type { NextStep, RuleId } from "./compliance-types";

/** The forms on a service's page that fix a rule, by their section's id. */
export const STEP_TARGETS = {
  "take-backup": "take-backup",
  schedule: "schedule-settings",
  drill: "drills",
  "drill-schedule": "drill-schedule",
} as const;
type Target = keyof typeof STEP_TARGETS;

type StepSpec = {
  action: string;
  label: string;
  /** The role the form's verb requires; null when Standfast cannot do it (done in Azure). */
  role: Role | null;
  target: Target | null;
  /** What to do, for steps done outside Standfast. */
  outside?: string;
};

const TAKE_BACKUP: StepSpec = {
  action: "take-backup",
  label: "Take a backup now",
  role: "operator",
  target: "take-backup",
};

/** Targets whose forms need the service in a state backups allow; a drill needs only a live service. */
const NEEDS_BACKUP_STATE: Record<Target, boolean> = {
  "take-backup": true,
  schedule: true,
  drill: false,
  "drill-schedule": false,
};

export const NEXT_STEPS: Record<RuleId, StepSpec[]> = {
  rpo: [
    TAKE_BACKUP,
    {
      action: "set-schedule",
      label: "Schedule a daily backup",
      role: "admin",
      target: "schedule",
    },
  ],
  "after-change": [
    TAKE_BACKUP,
    {
      action: "back-up-after-changes",
      label: "Turn on “Back up after every management operation”",
      role: "admin",
      target: "schedule",
    },
  ],
  offsite: [
    {
      action: "copy-to-another-region",
      label: "Take a backup stored in another region",
      role: "operator",
      target: "take-backup",
    },
    {
      action: "schedule-to-another-region",
      label: "Point the schedule at another region",
      role: "admin",
      target: "schedule",
    },
  ],
  "storage-geo": [
    {
      action: "set-storage-replication",
      label: "Set storage replication to GRS, RA-GRS, GZRS or RA-GZRS",
      role: null,
      target: null,
      outside:
        "Change the storage account's replication in Azure, then in the estate file: Standfast does not change storage accounts.",
    },
  ],
  "tracking-continuity": [
    {
      action: "set-tracking-continuity",
      label: "Give the tracking database geo-restore or geo-replication",
      role: null,
      target: null,
      outside:
        "Configure it on the Azure SQL database, then record it in the estate file: Standfast does not change databases.",
    },
  ],
  "high-availability": [
    {
      action: "add-role-instances",
      label: "Run at least two role instances",
      role: null,
      target: null,
      outside:
        "Raise the instance count in Azure, then in the estate file: Standfast's scale operation changes units, not the instances it reads.",
    },
  ],
  edition: [
    {
      action: "upgrade-edition",
      label: "Move to the basic edition or higher",
      role: null,
      target: null,
      outside:
        "Change the edition in Azure: a developer service cannot be backed up, so it cannot be restored into a higher edition either.",
    },
  ],
  restorable: [
    {
      action: "run-drill",
      label: "Run a restore drill",
      role: "operator",
      target: "drill",
    },
    {
      action: "schedule-drills",
      label: "Schedule restore drills",
      role: "admin",
      target: "drill-schedule",
    },
  ],
};

/** The next steps of a failing rule for a service in a given state. */
export function nextSteps(rule: RuleId, service: { id: string; state: string }): NextStep[] {
  const backupsAllowed = (BACKUP_ALLOWED_STATES as readonly string[]).includes(service.state);
  return NEXT_STEPS[rule].map((spec) => {
    const base = { action: spec.action, label: spec.label, role: spec.role };
    if (!spec.target) return { ...base, href: null, note: spec.outside ?? null };
    if (NEEDS_BACKUP_STATE[spec.target] && !backupsAllowed)
      return {
        ...base,
        href: null,
        note: `Not while ${service.id} is ${service.state.replace(/_/g, " ")}: backups and schedules need it active, suspended or stopped.`,
      };
    return {
      ...base,
      href: `/services/${encodeURIComponent(service.id)}#${STEP_TARGETS[spec.target]}`,
      note: null,
    };
  });
}

/** How a step shows to one viewer: a link their role allows, the role it needs, or what to do elsewhere. */
export type StepForViewer =
  | { kind: "link"; href: string }
  | { kind: "needs-role"; role: Role }
  | { kind: "note"; text: string };

export function stepForViewer(step: NextStep, viewerRole: Role | null): StepForViewer {
  if (!step.href || !step.role) return { kind: "note", text: step.note ?? "" };
  const viewer = { kind: "user" as const, id: "", name: "", role: viewerRole };
  return hasRole(viewer, step.role)
    ? { kind: "link", href: step.href }
    : { kind: "needs-role", role: step.role };
}

/** A step as one line of text, for the CSV. */
export function stepText(step: NextStep): string {
  const who = step.role ? ` (${step.role})` : "";
  const where = step.href ?? step.note ?? "";
  return `${step.label}${who}: ${where}`;
}
