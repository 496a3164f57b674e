/** Subscriptions as people see them: never the secret, never a URL's path or query. */
import { desc, inArray, sql } from "drizzle-orm";
import { tables, type Db } from "../../db";
import type {
  DeliveryStatus,
  EventKind,
  Impact,
  SubscriptionKind,
  SubscriptionView,
} from "./notify-types";

type Row = typeof tables.notificationSubscriptions.$inferSelect;

export function toView(row: Row, last: SubscriptionView["lastDelivery"] = null): SubscriptionView {
  return {
    id: row.id,
    kind: row.kind as SubscriptionKind,
    name: row.name,
    targetLabel: row.targetLabel,
    serviceIds: row.serviceIds,
    componentIds: row.componentIds,
    minImpact: row.minImpact as Impact,
    events: row.events as EventKind[],
    self: row.ownerUserId !== null,
    signed: row.secret !== null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastDelivery: last,
  };
}

/** Each subscription's newest delivery: what the list shows as "last sent". */
export async function lastDeliveries(
  db: Db,
  ids: string[],
): Promise<Map<string, NonNullable<SubscriptionView["lastDelivery"]>>> {
  const out = new Map<string, NonNullable<SubscriptionView["lastDelivery"]>>();
  if (ids.length === 0) return out;
  const d = tables.notificationDeliveries;
  const rows = await db
    .selectDistinctOn([d.subscriptionId], {
      subscriptionId: d.subscriptionId,
      status: d.status,
      at: sql<Date>`coalesce(${d.deliveredAt}, ${d.createdAt})`.mapWith((v) => new Date(v)),
    })
    .from(d)
    .where(inArray(d.subscriptionId, ids))
    .orderBy(d.subscriptionId, desc(d.id));
  for (const r of rows)
    out.set(r.subscriptionId, { status: r.status as DeliveryStatus, at: r.at.toISOString() });
  return out;
}
