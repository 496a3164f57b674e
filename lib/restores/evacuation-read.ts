/** Reads the facts for evacuating a region and plans it (evacuation-plan.ts). Reads only. */
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { requireRole, type Ctx } from "../auth";
import { tables } from "../db";
import { notFound } from "../errors";
import type { Edition } from "../estate/types";
import type { Status } from "../status/vocabulary";
import { planEvacuation, type EvacuationPlan } from "./evacuation-plan";

const { backups, regions, services } = tables;

/**
 * The plan for evacuating `regionId`. Viewer (it changes nothing; starting it is an operator's).
 * `statusOf` gives each region's status on the live board.
 */
export async function readEvacuationPlan(
  ctx: Ctx,
  regionId: string,
  statusOf: (region: string) => Status,
): Promise<EvacuationPlan> {
  requireRole(ctx.actor, "viewer", "Reading an evacuation plan");
  const db = ctx.db;
  const known = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(isNull(regions.retiredAt))
    .orderBy(regions.position, regions.id);
  if (!known.some((r) => r.id === regionId)) throw notFound(`Region "${regionId}"`);
  const [home, names] = await Promise.all([
    db
      .select({
        id: services.id,
        edition: services.edition,
        units: services.units,
        state: services.state,
      })
      .from(services)
      .where(and(eq(services.region, regionId), isNull(services.retiredAt))),
    db.select({ id: services.id }).from(services),
  ]);
  const good = home.length
    ? await db
        .select({
          id: backups.id,
          name: backups.name,
          serviceId: backups.serviceId,
          region: backups.region,
          finishedAt: backups.finishedAt,
        })
        .from(backups)
        .where(
          and(
            inArray(
              backups.serviceId,
              home.map((s) => s.id),
            ),
            // Restorable now: finished well, archive still there, never found corrupted.
            eq(backups.status, "succeeded"),
            inArray(backups.checksum, ["verified", "unverified"]),
            isNotNull(backups.finishedAt),
          ),
        )
    : [];
  return planEvacuation({
    region: regionId,
    regions: known.map((r) => ({ ...r, status: statusOf(r.id) })),
    services: home.map((s) => ({ ...s, edition: s.edition as Edition })),
    backups: good.map((b) => ({ ...b, finishedAt: b.finishedAt! })),
    takenNames: names.map((n) => n.id),
  });
}
