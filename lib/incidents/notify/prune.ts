/** Old notifications go after 30 days, except events that still have deliveries to make. */
import { sql } from "drizzle-orm";
import type { Db } from "../../db";

export const KEEP_MS = 30 * 86_400_000;

export async function pruneNotifications(db: Db, keepMs = KEEP_MS): Promise<void> {
  await db.execute(
    sql`delete from notification_events e
         where e.created_at < clock_timestamp() - ${keepMs} * interval '1 millisecond'
           and not exists (select 1 from notification_deliveries d
                            where d.event_id = e.id and d.status in ('pending', 'sending'))`,
  );
}
