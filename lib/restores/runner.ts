/**
 * The restore job: verify the archive against the backup's record, create the target service in
 * `restoring`, apply the configuration, leave it `suspended`. Each step commits with the job's next
 * step, so a worker that dies is resumed from the first step not done, and the archive is read and
 * checked again first. Before each step the target is checked, in the step's transaction, to be
 * free (create) or still this restore's (apply, suspend); a job that fails, or keeps losing its
 * worker, leaves a target it owns `restore_failed` with the reason and any other target untouched.
 */
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit";
import { SYSTEM } from "../roles";
import type { Stores } from "../backups";
import { ArchiveRefused, readVerifiedArchive } from "../backups";
import { bumpEstateVersion, getControlPlane, ServiceConfiguration } from "../control-plane";
import { tables, type Db } from "../db";
import { advance, appendLog, ClaimLost, reapLostRestores } from "./claim";
import { restoredComponents, restoredConfiguration } from "./restored-service";
import { applySchedule } from "./restore-options";
import type { ChosenSchedule } from "./restore-choices";
import { type RestoreStep } from "./restore-types";
import type { RestoreRecord } from "./requests";

const { restores, backups } = tables;

export { claimNextRestore, MAX_ATTEMPTS } from "./claim";

export type StepHook = (step: RestoreStep) => Promise<void>;

/**
 * Runs a claimed restore from its recorded step. Never throws for the restore's own failures; a
 * worker that lost its claim stops and leaves the job to the instance that took it over.
 */
export async function runRestore(
  db: Db,
  row: RestoreRecord,
  stores: Stores,
  options: { beforeStep?: StepHook } = {},
): Promise<RestoreRecord> {
  try {
    if (row.attempts > 1)
      await advance(db, row, `resuming at step "${row.step}" (attempt ${row.attempts})`);
    const [backup] = await db.select().from(backups).where(eq(backups.id, row.backupId));
    if (!backup) throw new Error("the backup no longer exists");

    await options.beforeStep?.("verify");
    const { manifest, configuration: raw } = await readVerifiedArchive(db, backup, stores);
    const configuration = ServiceConfiguration.parse(raw);
    let step = row.step as RestoreStep;
    if (step === "verify") {
      step = "create";
      await advance(
        db,
        row,
        `archive ${backup.name} verified against its record (SHA-256 ${manifest.payload.sha256.slice(0, 12)}…, ${backup.sizeBytes} bytes)`,
        { step, progress: 0.25 },
      );
    }
    if (step === "create") {
      await options.beforeStep?.("create");
      await db.transaction(async (tx) => {
        await getControlPlane().createService(tx, {
          serviceId: row.target,
          restoreId: row.id,
          edition: row.edition,
          units: manifest.units,
          region: row.region,
          reason: `restoring from ${backup.name}`,
          components: restoredComponents(row, manifest),
        });
        step = "apply";
        await advance(tx, row, `service ${row.target} created in ${row.region}, state restoring`, {
          step,
          progress: 0.5,
        });
        await bumpEstateVersion(tx);
      });
    }
    if (step === "apply") {
      await options.beforeStep?.("apply");
      await db.transaction(async (tx) => {
        await getControlPlane().applyConfiguration(
          tx,
          row.target,
          restoredConfiguration(configuration, row),
          { restoreId: row.id, name: `restore of ${backup.name}` },
        );
        step = "suspend";
        await advance(
          tx,
          row,
          `configuration applied: ${configuration.agreements.length} agreements, ${configuration.bridges.length} bridges; EDI control numbers are as of the backup`,
          { step, progress: 0.75 },
        );
      });
    }
    await options.beforeStep?.("suspend");
    await db.transaction(async (tx) => {
      await getControlPlane().setState(tx, row.target, {
        to: "suspended",
        reason: `restored from ${backup.name}; resume after the checklist`,
        restoreId: row.id,
      });
      // The chosen schedule, once the service is in a state that may be backed up.
      const scheduled = await applySchedule(
        tx,
        row.target,
        row.backupSchedule as ChosenSchedule | null,
        stores,
      );
      if (scheduled) await advance(tx, row, scheduled);
      await advance(
        tx,
        row,
        `${row.target} is suspended: work through the checklist, then resume it`,
        { step: "done", status: "succeeded", progress: 1, finishedAt: new Date() },
      );
      await recordAudit(tx, {
        actor: SYSTEM,
        action: "restores.complete",
        target: row.target,
        input: {
          restore: row.id,
          backup: backup.name,
          storageReplication: row.storageReplication,
          backupSchedule: (row.backupSchedule as ChosenSchedule | null)?.kind ?? null,
        },
        outcome: "ok",
      });
      await bumpEstateVersion(tx);
    });
  } catch (error) {
    if (error instanceof ClaimLost) return reread(db, row.id);
    const reason = (error as Error).message;
    await db
      .transaction(async (tx) => {
        await advance(
          tx,
          row,
          `failed: ${reason}`,
          { status: "failed", error: reason.slice(0, 1_000), finishedAt: new Date() },
          "error",
        );
        await failInTransaction(tx, row, reason, error instanceof ArchiveRefused);
      })
      .catch((failure: unknown) => {
        if (!(failure instanceof ClaimLost)) throw failure;
      });
  }
  return reread(db, row.id);
}

async function reread(db: Db, id: string): Promise<RestoreRecord> {
  const [after] = await db.select().from(restores).where(eq(restores.id, id));
  return after!;
}

/**
 * A failed restore's consequences, in the transaction that records the failure: the target is
 * marked restore_failed only if it is this restore's and mid-restore, and it is audited (with the
 * refused archive, when that is why).
 */
async function failInTransaction(
  tx: Db,
  row: RestoreRecord,
  reason: string,
  archiveRefused: boolean,
): Promise<void> {
  // Only a target this restore still owns, mid-restore, is marked; any other is left untouched.
  const marked = await getControlPlane().setState(tx, row.target, {
    to: "restore_failed",
    reason: `restore failed: ${reason}`,
    restoreId: row.id,
    ifRefused: "skip",
  });
  if (archiveRefused)
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "backups.integrity",
      target: row.target,
      input: { restore: row.id, backup: row.backupId },
      outcome: "failed",
      detail: reason.slice(0, 500),
    });
  await recordAudit(tx, {
    actor: SYSTEM,
    action: "restores.complete",
    target: row.target,
    input: { restore: row.id, targetMarked: marked ? "restore_failed" : "untouched" },
    outcome: "failed",
    detail: reason.slice(0, 500),
  });
  if (marked) await bumpEstateVersion(tx);
}

/**
 * Restores whose worker stopped beating for `lostAfterMs`: queued to resume from their step, or
 * after MAX_ATTEMPTS failed, their target left restore_failed. Never running and silent.
 */
export async function reapRestores(db: Db, lostAfterMs: number, now?: Date): Promise<number> {
  return reapLostRestores(
    db,
    lostAfterMs,
    async (tx, row, reason) => {
      await tx
        .update(restores)
        .set({
          status: "failed",
          error: reason,
          finishedAt: new Date(),
          log: appendLog(`failed: ${reason}`, "error"),
        })
        .where(eq(restores.id, row.id));
      await failInTransaction(tx, row, reason, false);
    },
    now,
  );
}
