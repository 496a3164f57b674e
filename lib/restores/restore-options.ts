/**
 * The choices a restore makes for the new service (storage replication, backup schedule): their
 * input fields, the schedule resolved when the restore is requested, and how the runner applies it.
 */
import { eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { SYSTEM } from "../roles";
import { setScheduleWithStores as setSchedule, type Stores } from "../backups";
import { tables, type Db } from "../db";
import { validationError } from "../errors";
import { REPLICATIONS } from "../estate/types";
import {
  DAILY,
  DEFAULT_REPLICATION,
  SCHEDULE_CHOICES,
  type ChosenSchedule,
  type ScheduleChoice,
} from "./restore-choices";

/** Fields the restore request takes beside its target; both optional, defaulting to compliant. */
export const RestoreOptionFields = {
  storageReplication: z
    .enum(REPLICATIONS, { message: `expected one of ${REPLICATIONS.join(", ")}` })
    .default(DEFAULT_REPLICATION),
  backupSchedule: z
    .enum(SCHEDULE_CHOICES, { message: `expected one of ${SCHEDULE_CHOICES.join(", ")}` })
    .optional(),
};

const refuse = (message: string): never => {
  throw validationError(`backupSchedule: ${message}`, { backupSchedule: [message] });
};

/**
 * The schedule to set on the new service, from the choice (daily by default on paid editions, none
 * on developer, which cannot be backed up). Daily backups go to the backup's store, in the backup's
 * region unless the target runs there; "source" copies the source service's schedule as it is now.
 */
export async function resolveSchedule(
  db: Db,
  input: { backupSchedule?: ScheduleChoice; edition: string; region: string },
  backup: { storeId: string; region: string; serviceId: string },
): Promise<ChosenSchedule> {
  const developer = input.edition === "developer";
  const choice = input.backupSchedule ?? (developer ? "none" : "daily");
  if (choice === "none") return { kind: "none" };
  if (developer) refuse("the developer edition cannot be backed up: choose none");
  if (choice === "source") {
    const [source] = await db
      .select()
      .from(tables.backupSchedules)
      .where(eq(tables.backupSchedules.serviceId, backup.serviceId));
    if (!source?.enabled)
      return refuse(`${backup.serviceId} has no backup schedule to copy: choose daily or none`);
    return {
      kind: "source",
      frequencyMs: source.frequencyMs,
      retentionMs: source.retentionMs,
      keepAtLeastOne: source.keepAtLeastOne,
      afterChange: source.afterChange,
      store: source.storeId,
      region: source.region === input.region ? backup.region : source.region,
    };
  }
  const others = await db
    .select({ id: tables.regions.id })
    .from(tables.regions)
    .where(isNull(tables.regions.retiredAt));
  const offsite =
    backup.region !== input.region
      ? backup.region
      : (others.map((r) => r.id).find((r) => r !== input.region) ?? backup.region);
  return {
    kind: "daily",
    ...DAILY,
    keepAtLeastOne: true,
    afterChange: true,
    store: backup.storeId,
    region: offsite,
  };
}

/** Sets the chosen schedule on the restored service (suspended by now), in the caller's transaction. */
export async function applySchedule(
  tx: Db,
  target: string,
  schedule: ChosenSchedule | null,
  stores: Stores,
): Promise<string | null> {
  if (!schedule || schedule.kind === "none") return null;
  await setSchedule(
    { actor: SYSTEM, db: tx },
    target,
    {
      enabled: true,
      frequency: `${schedule.frequencyMs}ms`,
      retention: `${schedule.retentionMs}ms`,
      keepAtLeastOne: schedule.keepAtLeastOne,
      store: schedule.store,
      region: schedule.region,
      afterChange: schedule.afterChange,
    },
    { stores },
  );
  return `backup schedule set (${schedule.kind}): to ${schedule.store} in ${schedule.region}`;
}
