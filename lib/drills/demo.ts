/**
 * The demo's drills: its well-run services are drilled every 30 days. The first drill of each
 * runs for real while the demo is seeded (restore into a sandbox, hash compared, sandbox removed);
 * contoso-edi's earlier monthly drills are recorded as history, as the demo's older backups are,
 * so the compliance report's "restorable" rule has evidence on every day of its trend.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { Stores } from "../backups";
import { tables, type Db } from "../db";
import { SYSTEM } from "../roles";
import { requestDrill, setDrillSchedule } from "./requests";
import { DrillWorker } from "./worker";

const { backups, drills } = tables;
const DAY = 86_400_000;
const DRILLED = ["contoso-edi", "fabrikam-b2b"];
/** contoso-edi's past drills, in days before the seeding: each within 30 days of the one before. */
const HISTORY: { service: string; daysAgo: number }[] = [89.5, 61.5, 33.5, 5.5].map((daysAgo) => ({
  service: "contoso-edi",
  daysAgo,
}));

export async function seedDemoDrills(
  db: Db,
  stores: Stores,
  now = new Date(),
): Promise<{ ran: number; recorded: number }> {
  const ctx = { actor: SYSTEM, db };
  for (const service of DRILLED) {
    await setDrillSchedule(ctx, service, { everyDays: 30 });
    await requestDrill(ctx, service, {}, "schedule");
  }
  const ran = await new DrillWorker({ db, stores }).pass();
  const real = await db.select().from(drills).where(eq(drills.serviceId, "contoso-edi"));
  const rtoMs = Number(real[0]?.rtoMs ?? 1_000);
  let recorded = 0;
  for (const h of HISTORY) {
    const at = new Date(now.getTime() - h.daysAgo * DAY);
    const [backup] = await db
      .select()
      .from(backups)
      .where(
        and(
          eq(backups.serviceId, h.service),
          inArray(backups.status, ["succeeded", "pruned"]),
          lte(backups.finishedAt, at),
        ),
      )
      .orderBy(desc(backups.finishedAt))
      .limit(1);
    if (!backup) continue;
    const id = randomUUID();
    const readyAt = new Date(at.getTime() + rtoMs);
    await db.insert(drills).values({
      id,
      serviceId: h.service,
      backupId: backup.id,
      backupName: backup.name,
      trigger: "schedule",
      status: "succeeded",
      requestedBy: SYSTEM.name,
      requestedAt: at,
      startedAt: at,
      readyAt,
      finishedAt: new Date(readyAt.getTime() + 200),
      rtoMs,
      reason: "restored configuration equals the backup's payload (demo history)",
      sandbox: `drill-${id.slice(0, 8)}`,
    });
    recorded++;
  }
  return { ran, recorded };
}
