/**
 * The drill job: read the backup's archive through the same integrity check as a restore, restore
 * its configuration into a sandbox (never a service), read it back, compare its SHA-256 with the
 * backup's recorded payload hash, and remove the sandbox whatever happened. RTO is ready − requested.
 * A drill whose worker died is failed by the next pass, and its sandbox removed.
 */
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { recordAudit } from "../audit";
import { SYSTEM } from "../roles";
import { payloadSha256, readVerifiedArchive } from "../backups";
import type { Stores } from "../backups";
import { getControlPlane, ServiceConfiguration } from "../control-plane";
import { queryRows, tables, type Db } from "../db";
import type { DrillRecord } from "./requests";

const { backups, drills } = tables;

export type DrillStep = "verify" | "create" | "apply" | "compare";
export type DrillStepHook = (step: DrillStep, drill: DrillRecord) => Promise<void>;

export async function claimNextDrill(db: Db, workerId: string): Promise<DrillRecord | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update drills set status = 'running', worker_id = ${workerId}, attempts = attempts + 1,
          started_at = now(), heartbeat_at = now()
        where id = (select id from drills where status = 'queued' order by requested_at limit 1 for update skip locked)
        returning id`,
  );
  return rows[0] ? reread(db, rows[0].id) : null;
}

export async function beatDrill(db: Db, id: string, workerId: string): Promise<void> {
  await db
    .update(drills)
    .set({ heartbeatAt: new Date() })
    .where(and(eq(drills.id, id), eq(drills.workerId, workerId), eq(drills.status, "running")));
}

async function reread(db: Db, id: string): Promise<DrillRecord> {
  const [row] = await db.select().from(drills).where(eq(drills.id, id));
  return row!;
}

type Outcome = {
  status: "succeeded" | "failed";
  reason: string;
  readyAt?: Date;
  restoredHash?: string;
};

/** Restores into the sandbox and compares; throws for a step that fails. */
async function restoreAndCompare(
  db: Db,
  row: DrillRecord,
  stores: Stores,
  beforeStep: DrillStepHook,
): Promise<Outcome> {
  const [backup] = await db.select().from(backups).where(eq(backups.id, row.backupId));
  if (!backup) throw new Error("the backup no longer exists");
  await beforeStep("verify", row);
  const { configuration } = await readVerifiedArchive(db, backup, stores);
  const parsed = ServiceConfiguration.safeParse(configuration);
  if (!parsed.success) throw new Error("the archive's configuration is not a valid configuration");
  const plane = getControlPlane();
  await beforeStep("create", row);
  await plane.createSandbox(db, { name: row.sandbox, drillId: row.id, serviceId: row.serviceId });
  await beforeStep("apply", row);
  // The archive's own configuration, as read: what a restore would write.
  await db.transaction((tx) => plane.applySandboxConfiguration(tx, row.sandbox, configuration));
  await beforeStep("compare", row);
  const restored = await plane.readSandbox(db, row.sandbox);
  if (!restored?.configuration) throw new Error(`sandbox ${row.sandbox} has no configuration`);
  const readyAt = new Date();
  const restoredHash = payloadSha256(restored.configuration);
  if (restoredHash !== row.expectedHash)
    return {
      status: "failed",
      readyAt,
      restoredHash,
      reason: `the restored configuration's SHA-256 (${restoredHash.slice(0, 12)}…) is not the backup's payload hash (${(row.expectedHash ?? "none").slice(0, 12)}…)`,
    };
  return {
    status: "succeeded",
    readyAt,
    restoredHash,
    reason: `restored configuration equals the backup's payload (SHA-256 ${restoredHash.slice(0, 12)}…)`,
  };
}

/** Runs a claimed drill to its outcome; never throws for the drill's own failures. */
export async function runDrill(
  db: Db,
  row: DrillRecord,
  stores: Stores,
  options: { beforeStep?: DrillStepHook } = {},
): Promise<DrillRecord> {
  let outcome: Outcome;
  try {
    outcome = await restoreAndCompare(db, row, stores, options.beforeStep ?? (async () => {}));
  } catch (error) {
    outcome = { status: "failed", reason: (error as Error).message.slice(0, 1_000) };
  }
  await finish(db, row, outcome);
  return reread(db, row.id);
}

/** Removes the sandbox and records the outcome with its audit row, in one transaction. */
async function finish(db: Db, row: DrillRecord, outcome: Outcome): Promise<void> {
  await db.transaction(async (tx) => {
    await getControlPlane().removeSandbox(tx, row.sandbox);
    const rtoMs = outcome.readyAt ? outcome.readyAt.getTime() - row.requestedAt.getTime() : null;
    await tx
      .update(drills)
      .set({
        status: outcome.status,
        reason: outcome.reason,
        readyAt: outcome.readyAt ?? null,
        finishedAt: new Date(),
        rtoMs,
        restoredHash: outcome.restoredHash ?? null,
      })
      .where(and(eq(drills.id, row.id), eq(drills.status, "running")));
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "drills.complete",
      target: row.serviceId,
      input: { drill: row.id, backup: row.backupName, rtoMs },
      outcome: outcome.status === "succeeded" ? "ok" : "failed",
      detail: outcome.reason.slice(0, 500),
    });
  });
}

/**
 * Drills whose worker stopped beating for `lostAfterMs` are failed, and every sandbox not owned by
 * a drill in flight is removed (a crashed drill's). How many drills were failed.
 */
export async function reapDrills(db: Db, lostAfterMs: number, now = new Date()): Promise<number> {
  const lost = await db
    .select()
    .from(drills)
    .where(
      and(
        eq(drills.status, "running"),
        lt(drills.heartbeatAt, new Date(now.getTime() - lostAfterMs)),
      ),
    );
  for (const row of lost)
    await finish(db, row, {
      status: "failed",
      reason: "the drill's worker stopped (crashed or lost)",
    });
  const live = await db
    .select({ id: drills.id })
    .from(drills)
    .where(inArray(drills.status, ["queued", "running"]));
  await getControlPlane().removeOrphanSandboxes(
    db,
    live.map((d) => d.id),
  );
  return lost.length;
}
