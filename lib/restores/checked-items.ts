/**
 * The checklist items Standfast checks itself: read from the store on every read of a restore, so
 * they say what is true now (a schedule removed after the restore unchecks its item), never a tick.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { tables, type Db } from "../db";
import { GEO_REPLICATED, type Replication } from "../estate/types";
import { formatAge } from "../time";
import { CHECKED_ITEMS, type CheckedItem, type CheckedItemId } from "./restore-choices";

const text = (id: CheckedItemId) => CHECKED_ITEMS.find((c) => c.id === id)!.text;

type Schedule = typeof tables.backupSchedules.$inferSelect;

function scheduleItem(target: string, s: Schedule | undefined): CheckedItem {
  const item = { id: "automated-backups" as const, text: text("automated-backups") };
  if (!s) return { ...item, ok: false, found: `no backup schedule on ${target}` };
  if (!s.enabled) return { ...item, ok: false, found: `the schedule on ${target} is disabled` };
  return {
    ...item,
    ok: true,
    found: `every ${formatAge(s.frequencyMs)} to ${s.storeId} in ${s.region}, kept ${formatAge(s.retentionMs)}`,
  };
}

function replicationItem(target: string, replication: Replication | undefined): CheckedItem {
  const item = { id: "storage-replication" as const, text: text("storage-replication") };
  if (!replication)
    return { ...item, ok: false, found: `no storage replication known for ${target}` };
  return GEO_REPLICATED.includes(replication)
    ? { ...item, ok: true, found: `${replication}: a copy is kept in another region` }
    : { ...item, ok: false, found: `${replication} keeps no copy in another region` };
}

/** The checked items of restores into each of `targets`, as the store says now: two queries. */
export async function checkedItemsFor(
  db: Db,
  targets: readonly string[],
): Promise<Map<string, CheckedItem[]>> {
  const unique = [...new Set(targets)];
  if (unique.length === 0) return new Map();
  const [schedules, storages] = await Promise.all([
    db
      .select()
      .from(tables.backupSchedules)
      .where(inArray(tables.backupSchedules.serviceId, unique)),
    db
      .select({
        serviceId: tables.serviceComponents.serviceId,
        attributes: tables.components.attributes,
      })
      .from(tables.serviceComponents)
      .innerJoin(tables.components, eq(tables.components.id, tables.serviceComponents.componentId))
      .where(
        and(
          inArray(tables.serviceComponents.serviceId, unique),
          eq(tables.components.kind, "storage"),
          isNull(tables.components.retiredAt),
        ),
      ),
  ]);
  const replication = new Map<string, Replication | undefined>();
  for (const row of storages)
    if (!replication.has(row.serviceId))
      replication.set(
        row.serviceId,
        (row.attributes as { replication?: Replication } | undefined)?.replication,
      );
  return new Map(
    unique.map((target) => [
      target,
      [
        scheduleItem(
          target,
          schedules.find((s) => s.serviceId === target),
        ),
        replicationItem(target, replication.get(target)),
      ],
    ]),
  );
}

/** The checked items of a restore into `target`, as the store says now. */
export async function checkedItems(db: Db, target: string): Promise<CheckedItem[]> {
  return (await checkedItemsFor(db, [target])).get(target)!;
}
