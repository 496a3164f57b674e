/**
 * Who wants component status changes, cached per store for a few seconds: the poller records
 * changes every flush, and with nobody subscribed to them that must cost no query at all.
 * Subscription writes in this process forget the cache at once; other instances see them within
 * AUDIENCE_TTL_MS.
 */
import { and, isNull, sql } from "drizzle-orm";
import { tables, type Db } from "../../db";
import type { SubscriptionFilter } from "./match";
import { STATUS_CHANGE_EVENT, type Impact } from "./notify-types";

export const AUDIENCE_TTL_MS = 15_000;

export type Audience = {
  subscriptions: (SubscriptionFilter & { id: string })[];
  /** Names and dependent services of components: loaded only when someone listens. */
  components: Map<string, { name: string; serviceIds: string[] }>;
};

type Cached = { loadedAt: number; audience: Audience };
const KEY = Symbol.for("standfast.notify.audience");
// On globalThis: Next's route modules and the custom server are separate bundles in one process.
const holder = ((globalThis as { [KEY]?: { map: WeakMap<Db, Cached> } })[KEY] ??= {
  map: new WeakMap(),
});

async function load(db: Db): Promise<Audience> {
  const { notificationSubscriptions: s, components, serviceComponents } = tables;
  const rows = await db
    .select({
      id: s.id,
      events: s.events,
      serviceIds: s.serviceIds,
      componentIds: s.componentIds,
      minImpact: s.minImpact,
    })
    .from(s)
    .where(
      and(isNull(s.deletedAt), sql`${s.events} @> ${JSON.stringify([STATUS_CHANGE_EVENT])}::jsonb`),
    );
  const subscriptions = rows.map((r) => ({ ...r, minImpact: r.minImpact as Impact }));
  const map = new Map<string, { name: string; serviceIds: string[] }>();
  if (subscriptions.length) {
    for (const c of await db.select({ id: components.id, name: components.name }).from(components))
      map.set(c.id, { name: c.name, serviceIds: [] });
    for (const link of await db.select().from(serviceComponents))
      map.get(link.componentId)?.serviceIds.push(link.serviceId);
  }
  return { subscriptions, components: map };
}

/** The audience for status changes on the store `root`, read through `via` (the caller's transaction) when stale. */
export async function statusAudience(
  root: Db,
  via: Db = root,
  now = Date.now(),
): Promise<Audience> {
  const hit = holder.map.get(root);
  if (hit && now - hit.loadedAt < AUDIENCE_TTL_MS) return hit.audience;
  const audience = await load(via);
  holder.map.set(root, { loadedAt: now, audience });
  return audience;
}

/** After a subscription is created or deleted in this process. */
export function forgetAudience(): void {
  holder.map = new WeakMap();
}
