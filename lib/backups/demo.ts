/**
 * The demo estate's backup history, made once on a fresh store. The last week is made through the
 * real code paths (schedules, management operations, the after-change policy, archives written to
 * and verified in the store, retention); older days, whose archives retention would have removed
 * by now, are recorded as pruned rows so the 90-day compliance trend has a past.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { SYSTEM, type Actor } from "../roles";
import { getControlPlane, runOperation } from "../control-plane";
import { queryRows, tables, type Db } from "../db";
import type { Stores } from "./registry";
import { enqueueBackup, queueAfterChange } from "./enqueue";
import { backupName } from "./retention";
import { claimNext, pruneService, runBackup } from "./runner";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const { backupSchedules, backups, services } = tables;

type Plan = {
  service: string;
  target: string;
  afterChange: boolean;
  /** Hours between the daily slot and the seeding time. */
  slotOffsetHours: number;
  /** Days ago the schedule was switched off (no backups since). */
  disabledDaysAgo?: number;
  /** Days whose scheduled backup failed (an outage of the store, long ago). */
  failedDaysAgo?: number[];
  operations: { daysAgo: number; input: Record<string, unknown>; actor: string }[];
};

const PLANS: Plan[] = [
  {
    service: "contoso-edi",
    target: "northeurope",
    afterChange: true,
    slotOffsetHours: 3,
    failedDaysAgo: [41, 42],
    operations: [
      {
        daysAgo: 20,
        actor: "megan@contoso.example",
        input: {
          kind: "add-agreement",
          name: "Contoso ↔ Litware X12 810",
          protocol: "X12",
          guestPartner: "p5",
        },
      },
      {
        daysAgo: 4.2,
        actor: "megan@contoso.example",
        input: {
          kind: "change-bridge",
          bridgeId: "b2",
          pipeline: ["decode", "validate", "transform", "encode"],
        },
      },
    ],
  },
  {
    service: "fabrikam-b2b",
    target: "eastus",
    afterChange: false,
    slotOffsetHours: 6,
    operations: [
      {
        daysAgo: 2 / 24,
        actor: "diego@fabrikam.example",
        input: { kind: "update-ssl-certificate", validForDays: 397 },
      },
    ],
  },
  {
    service: "fabrikam-eai",
    target: "westeurope",
    afterChange: false,
    slotOffsetHours: 4,
    disabledDaysAgo: 3,
    operations: [
      {
        daysAgo: 2,
        actor: "diego@fabrikam.example",
        input: { kind: "change-agreement", agreementId: "a1-1", enabled: false },
      },
    ],
  },
];

const REAL_DAYS = 7;
const HISTORY_DAYS = 90;

export async function seedDemoBackups(
  db: Db,
  stores: Stores,
  now = new Date(),
): Promise<{ seeded: boolean; backups: number }> {
  const [existing] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from backup_schedules`,
  );
  if (existing!.n > 0) return { seeded: false, backups: 0 };
  const store = stores.list()[0]!;
  let made = 0;
  // The demo's services have existed as long as the history below: the trend counts them from then.
  const since = new Date(now.getTime() - (HISTORY_DAYS + 1) * DAY);
  await getControlPlane().dateEstateServices(db, since);
  for (const plan of PLANS) {
    const [service] = await db.select().from(services).where(eq(services.id, plan.service));
    if (!service || service.retiredAt) continue;
    const anchor = now.getTime() - plan.slotOffsetHours * HOUR;
    const stopAt =
      plan.disabledDaysAgo === undefined
        ? now.getTime()
        : now.getTime() - plan.disabledDaysAgo * DAY;
    // Older days: what retention has already removed.
    const old = [];
    for (let d = HISTORY_DAYS; d > REAL_DAYS; d--) {
      const slot = new Date(anchor - d * DAY);
      if (slot.getTime() > stopAt) continue;
      const finishedAt = new Date(slot.getTime() + 40_000);
      if (plan.failedDaysAgo?.includes(d)) {
        const error = `backup store ${store.id} (${plan.target}) did not answer: ETIMEDOUT`;
        old.push({
          id: randomUUID(),
          name: backupName(plan.service, slot),
          serviceId: plan.service,
          storeId: store.id,
          region: plan.target,
          trigger: "scheduled",
          status: "failed",
          checksum: "unverified",
          requestedAt: slot,
          requestedBy: "schedule",
          startedAt: slot,
          finishedAt,
          scheduleSlot: slot,
          error,
          log: [
            { at: slot.toISOString(), level: "info", message: "queued (scheduled) by schedule" },
            { at: finishedAt.toISOString(), level: "error", message: `failed: ${error}` },
          ],
        });
        continue;
      }
      old.push({
        id: randomUUID(),
        name: backupName(plan.service, slot),
        serviceId: plan.service,
        storeId: store.id,
        region: plan.target,
        trigger: "scheduled",
        status: "pruned",
        checksum: "verified",
        requestedAt: slot,
        requestedBy: "schedule",
        startedAt: slot,
        finishedAt,
        scheduleSlot: slot,
        prunedAt: new Date(finishedAt.getTime() + REAL_DAYS * DAY),
        log: [
          { at: slot.toISOString(), level: "info", message: "queued (scheduled) by schedule" },
          {
            at: finishedAt.toISOString(),
            level: "info",
            message: "read back and verified: checksum matches",
          },
          {
            at: new Date(finishedAt.getTime() + REAL_DAYS * DAY).toISOString(),
            level: "info",
            message: "removed by retention (older than the schedule's retention)",
          },
        ],
      });
    }
    if (old.length) await db.insert(backups).values(old);
    made += old.length;

    // The last week, for real: scheduled slots and operations in time order.
    type Event = { at: number; run: () => Promise<void> };
    const events: Event[] = [];
    for (let d = REAL_DAYS; d >= 0; d--) {
      const slot = new Date(anchor - d * DAY);
      if (slot.getTime() > stopAt || slot > now) continue;
      events.push({
        at: slot.getTime(),
        run: async () => {
          await enqueueBackup(db, {
            serviceId: plan.service,
            storeId: store.id,
            region: plan.target,
            trigger: "scheduled",
            requestedBy: "schedule",
            requestedAt: slot,
            scheduleSlot: slot,
          });
        },
      });
    }
    for (const op of plan.operations) {
      const at = new Date(now.getTime() - op.daysAgo * DAY);
      const actor: Actor = { kind: "user", id: op.actor, name: op.actor, role: "admin" };
      events.push({
        at: at.getTime(),
        run: async () => {
          await runOperation({ actor, db }, plan.service, op.input, {
            now: at,
            onRecorded: async (tx, recorded) =>
              void (plan.afterChange ? await queueAfterChange(tx, recorded) : null),
          });
        },
      });
    }
    // The schedule exists before the events, so the after-change policy sees it.
    await db.insert(backupSchedules).values({
      serviceId: plan.service,
      enabled: plan.disabledDaysAgo === undefined,
      frequencyMs: DAY,
      retentionMs: REAL_DAYS * DAY,
      keepAtLeastOne: true,
      storeId: store.id,
      region: plan.target,
      afterChange: plan.afterChange,
      nextDueAt: plan.disabledDaysAgo === undefined ? new Date(anchor + DAY) : null,
      updatedAt: new Date(now.getTime() - HISTORY_DAYS * DAY),
      updatedBy: SYSTEM.name,
    });
    for (const e of events.sort((a, b) => a.at - b.at)) {
      await e.run();
      // Run what the event queued, as the worker would have then.
      for (;;) {
        const row = await claimNext(db, "demo-seed", new Date(e.at));
        if (!row) break;
        let t = e.at;
        await runBackup(db, row, stores, { now: () => new Date((t += 7_000)) });
        made++;
      }
    }
    if (plan.disabledDaysAgo !== undefined)
      await db
        .update(backupSchedules)
        .set({ updatedAt: new Date(stopAt), updatedBy: "diego@fabrikam.example" })
        .where(eq(backupSchedules.serviceId, plan.service));
    await pruneService(db, plan.service, stores, now);
  }
  return { seeded: true, backups: made };
}
