/** Client-safe: what a restore lets the operator choose for the new service, and its defaults. */
import { GEO_REPLICATED, REPLICATIONS, type Replication } from "../estate/types";

export { REPLICATIONS, GEO_REPLICATED };
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
