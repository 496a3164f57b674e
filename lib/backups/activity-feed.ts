/**
 * Management operations seen in Azure's activity log feed the after-change compliance rule. Every
 * few minutes the operations since the newest one recorded are read and stored once each (per
 * service and activity-log id), so any number of instances may run the feed.
 */
import { and, eq, max } from "drizzle-orm";
import { ActivityLogIncompleteError, readManagementOperations } from "../azure";
import { importOperations } from "../control-plane";
import { tables, type Db } from "../db";
import type { LoadedEstate } from "../estate/load";
import { Loop } from "../jobs";
import { logger } from "../log";

const log = logger("activity-log");
const { managementOperations } = tables;
/** How far back the first read looks (the compliance trend shows 90 days). */
const FIRST_LOOK_BACK_MS = 90 * 86_400_000;
/** Entries reach the workspace minutes late: each read overlaps the last by this much. */
const OVERLAP_MS = 30 * 60_000;

export type Feed = Pick<LoadedEstate, "azure" | "services" | "components">;

/** One read of the activity log into the store. Returns how many operations were new. */
export async function importActivityLog(
  db: Db,
  estate: Feed,
  options: { now?: Date; runtime?: Parameters<typeof readManagementOperations>[3] } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const [newest] = await db
    .select({ at: max(managementOperations.at) })
    .from(managementOperations)
    .where(and(eq(managementOperations.source, "azure-activity-log")));
  const since = newest?.at
    ? new Date(newest.at.getTime() - OVERLAP_MS)
    : new Date(now.getTime() - FIRST_LOOK_BACK_MS);
  let operations;
  try {
    operations = await readManagementOperations(estate, since, undefined, options.runtime);
  } catch (error) {
    // A partial answer is kept; the next read starts again from the newest stored one.
    if (!(error instanceof ActivityLogIncompleteError)) throw error;
    log.warn(`activity log answered in part: ${error.message}`);
    operations = error.operations;
  }
  if (!operations) return 0;
  return importOperations(
    db,
    operations.map((o) => ({
      externalId: o.externalId,
      serviceId: o.serviceId,
      kind: o.kind,
      summary: o.summary,
      actor: o.actor,
      at: o.at,
    })),
  );
}

export function startActivityFeed(db: Db, estate: Feed, everyMs = 5 * 60_000): Loop | null {
  if (!estate.azure?.activityLog?.workspaceId) return null;
  const loop = new Loop("activity-log", () => importActivityLog(db, estate), everyMs);
  loop.start();
  return loop;
}
