/**
 * Client-safe: which backups a restore takes and what it lets the operator choose for the new
 * service (its name, edition and the rest), with the defaults. The server checks these rules in
 * pre-flight; the screens use the same ones to offer only what pre-flight will pass.
 */
import {
  EDITIONS,
  GEO_REPLICATED,
  REPLICATIONS,
  type Edition,
  type Replication,
} from "../estate/types";

export { REPLICATIONS, GEO_REPLICATED };

/** Only a succeeded backup can be restored: no other has a whole archive to restore from. */
export const RESTORABLE_BACKUP_STATUS = "succeeded";

/** Why a backup cannot be restored ("<name> is failed: only a succeeded …"); null when it can. */
export function whyNotRestorable(backup: { name: string; status: string }): string | null {
  return backup.status === RESTORABLE_BACKUP_STATUS
    ? null
    : `${backup.name} is ${backup.status}: only a ${RESTORABLE_BACKUP_STATUS} backup can be restored`;
}

/** The editions a backup may be restored as: its own or higher; none for the developer edition. */
export function editionsFrom(edition: Edition): Edition[] {
  if (edition === "developer") return [];
  return EDITIONS.slice(EDITIONS.indexOf(edition)).filter((e) => e !== "developer");
}

/** The restored service's name: 6 to 20 letters, digits and hyphens. */
export const TARGET_NAME = /^[A-Za-z0-9-]{6,20}$/;
/** The same rule as a form field's `pattern` (the hyphen escaped, as the `v` flag wants). */
export const TARGET_NAME_PATTERN = "[A-Za-z0-9\\-]{6,20}";

/** Geo-replicated, so the restored service passes the storage-geo compliance rule by default. */
export const DEFAULT_REPLICATION: Replication = "GRS";

export const SCHEDULE_CHOICES = ["daily", "source", "none"] as const;
export type ScheduleChoice = (typeof SCHEDULE_CHOICES)[number];
export const SCHEDULE_LABEL: Record<ScheduleChoice, string> = {
  daily: "Daily, kept 14 days, and after every change",
  source: "The same schedule as the source service",
  none: "None (the service will fail the backup compliance rules)",
};
export const DAILY = { frequencyMs: 86_400_000, retentionMs: 14 * 86_400_000 };

/** The schedule a restore sets on the new service, resolved when the restore is requested. */
export type ChosenSchedule =
  | { kind: "none" }
  | {
      kind: "daily" | "source";
      frequencyMs: number;
      retentionMs: number;
      keepAtLeastOne: boolean;
      afterChange: boolean;
      store: string;
      region: string;
    };

/**
 * Checklist items Standfast checks against the store on every read, instead of a tick. Resume
 * waits for those of the domain's checklist (backups); replication is shown for compliance.
 */
export const CHECKED_ITEMS = [
  {
    id: "automated-backups",
    text: "Automated backups are scheduled on the restored service",
    blocksResume: true,
  },
  { id: "storage-replication", text: "The storage account is geo-replicated", blocksResume: false },
] as const;
export type CheckedItemId = (typeof CHECKED_ITEMS)[number]["id"];
export type CheckedItem = { id: CheckedItemId; text: string; ok: boolean; found: string };
