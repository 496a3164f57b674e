import "server-only";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { LastGoodBackup } from "./incident-types";

const { backups } = tables;

/**
 * For each service, the newest backup taken before `before` that can still be restored: it
 * succeeded, its archive is still there (not pruned) and was never found corrupted.
 */
export async function lastGoodBackups(
  db: Db,
  serviceIds: string[],
  before: Date,
): Promise<LastGoodBackup[]> {
  return Promise.all(
    serviceIds.map(async (serviceId) => {
      const [row] = await db
        .select()
        .from(backups)
        .where(
          and(
            eq(backups.serviceId, serviceId),
            eq(backups.status, "succeeded"),
            inArray(backups.checksum, ["verified", "unverified"]),
            lt(sql`coalesce(${backups.startedAt}, ${backups.requestedAt})`, before),
          ),
        )
        .orderBy(desc(sql`coalesce(${backups.startedAt}, ${backups.requestedAt})`))
        .limit(1);
      return {
        serviceId,
        backup: row
          ? {
              id: row.id,
              name: row.name,
              takenAt: (row.startedAt ?? row.requestedAt).toISOString(),
              region: row.region,
            }
          : null,
      };
    }),
  );
}
