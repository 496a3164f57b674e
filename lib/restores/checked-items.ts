/**
 * The checklist items Standfast checks itself: read from the store on every read of a restore, so
 * they say what is true now (a schedule removed after the restore unchecks its item), never a tick.
 */
import { and, eq, isNull } from "drizzle-orm";
import { tables, type Db } from "../db";
import { GEO_REPLICATED, type Replication } from "../estate/types";
import { formatAge } from "../time";
import { CHECKED_ITEMS, type CheckedItem, type CheckedItemId } from "./restore-choices";

const text = (id: CheckedItemId) => CHECKED_ITEMS.find((c) => c.id === id)!.text;

async function scheduleItem(db: Db, target: string): Promise<CheckedItem> {
  const [s] = await db
    .select()
    .from(tables.backupSchedules)
    .where(eq(tables.backupSchedules.serviceId, target));
  const item = { id: "automated-backups" as const, text: text("automated-backups") };
  if (!s) return { ...item, ok: false, found: `no backup schedule on ${target}` };
  if (!s.enabled) return { ...item, ok: false, found: `the schedule on ${target} is disabled` };
  return {
    ...item,
    ok: true,
    found: `every ${formatAge(s.frequencyMs)} to ${s.storeId} in ${s.region}, kept ${formatAge(s.retentionMs)}`,
  };
}

async function replicationItem(db: Db, target: string): Promise<CheckedItem> {
  const rows = await db
    .select({ attributes: tables.components.attributes })
    .from(tables.serviceComponents)
    .innerJoin(tables.components, eq(tables.components.id, tables.serviceComponents.componentId))
    .where(
      and(
        eq(tables.serviceComponents.serviceId, target),
        eq(tables.components.kind, "storage"),
        isNull(tables.components.retiredAt),
      ),
    );
  const item = { id: "storage-replication" as const, text: text("storage-replication") };
  const replication = (rows[0]?.attributes as { replication?: Replication } | undefined)
    ?.replication;
  if (!replication)
    return { ...item, ok: false, found: `no storage replication known for ${target}` };
  return GEO_REPLICATED.includes(replication)
    ? { ...item, ok: true, found: `${replication}: a copy is kept in another region` }
    : { ...item, ok: false, found: `${replication} keeps no copy in another region` };
}

/** The checked items of a restore into `target`, as the store says now. */
export async function checkedItems(db: Db, target: string): Promise<CheckedItem[]> {
  return Promise.all([scheduleItem(db, target), replicationItem(db, target)]);
}
