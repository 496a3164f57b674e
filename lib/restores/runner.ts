/**
 * The restore job: verify the archive, create the target service in `restoring`, apply the
 * configuration, leave it `suspended`. Each step commits with the job's new step, so a worker
 * that dies is resumed from the first step not done (the archive is verified again first);
 * a job that keeps dying, or fails, leaves its target `restore_failed` with the reason.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import { recordAudit } from "../audit";
import { SYSTEM } from "../auth/roles";
import { decodeArchive } from "../backups/archive";
import type { Manifest } from "../backups/manifest";
import type { Stores } from "../backups/registry";
import { ServiceConfiguration } from "../control-plane/configuration";
import { queryRows, tables, type Db } from "../db";
import { bumpEstateVersion } from "../estate/sync";
import { RESTORE_STEPS, type RestoreStep } from "./restore-types";
import type { RestoreRecord } from "./requests";

const { restores, backups, services, components, serviceComponents, serviceConfigurations } =
  tables;

/** Attempts before a job that keeps losing its worker is failed rather than resumed. */
export const MAX_ATTEMPTS = 3;

const entry = (message: string, level: "info" | "error" = "info") => [
  { at: new Date().toISOString(), level, message },
];

async function note(
  db: Db,
  id: string,
  message: string,
  set: Partial<RestoreRecord> = {},
  level: "info" | "error" = "info",
) {
  await db
    .update(restores)
    .set({
      ...set,
      heartbeatAt: new Date(),
      log: sql`${restores.log} || ${JSON.stringify(entry(message, level))}::jsonb`,
    })
    .where(eq(restores.id, id));
}

export async function claimNextRestore(db: Db, workerId: string): Promise<RestoreRecord | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update restores set status = 'running', worker_id = ${workerId}, attempts = attempts + 1,
          started_at = coalesce(started_at, now()), heartbeat_at = now()
        where id = (select id from restores where status = 'queued' order by requested_at limit 1 for update skip locked)
        returning id`,
  );
  if (!rows[0]) return null;
  const [row] = await db.select().from(restores).where(eq(restores.id, rows[0].id));
  return row ?? null;
}

/** Components of a restored service in the local fabric: simulated, like the fabric itself. */
function componentsFor(r: RestoreRecord, manifest: Manifest) {
  const sim = { type: "simulated", latencyMs: 60, jitterMs: 30, status: "operational" };
  const timing = {
    intervalMs: 30_000,
    timeoutMs: 5_000,
    staleAfterMs: 90_000,
    region: r.region,
    source: sim,
  };
  return [
    {
      id: `${r.target}.roles`,
      name: `${r.target} role instances`,
      kind: "role-instances",
      attributes: { instances: manifest.units * 2 },
      role: "roles",
    },
    {
      id: `${r.target}.tracking-db`,
      name: r.trackingDatabase,
      kind: "tracking-database",
      attributes: { continuity: "none" },
      role: "dependency",
    },
    {
      id: `${r.target}.storage`,
      name: r.storage,
      kind: "storage",
      attributes: { replication: "LRS" },
      role: "dependency",
    },
    {
      id: `${r.target}.acs`,
      name: `${r.target}-acs`,
      kind: "access-control",
      attributes: {},
      role: "dependency",
    },
  ].map((c) => ({ ...c, ...timing }));
}

export type StepHook = (step: RestoreStep) => Promise<void>;

/** Runs a claimed restore from its recorded step. Never throws for the restore's own failures. */
export async function runRestore(
  db: Db,
  row: RestoreRecord,
  stores: Stores,
  options: { beforeStep?: StepHook } = {},
): Promise<RestoreRecord> {
  let reachedTarget =
    RESTORE_STEPS.indexOf(row.step as RestoreStep) > RESTORE_STEPS.indexOf("create");
  try {
    if (row.attempts > 1)
      await note(db, row.id, `resuming at step "${row.step}" (attempt ${row.attempts})`);
    const [backup] = await db.select().from(backups).where(eq(backups.id, row.backupId));
    if (!backup) throw new Error("the backup no longer exists");
    const store = stores.get(backup.storeId);
    if (!store) throw new Error(`backup store "${backup.storeId}" is not configured`);

    await options.beforeStep?.("verify");
    const { manifest, configuration: raw } = decodeArchive(
      await store.read(backup.region, backup.name),
    );
    const configuration = ServiceConfiguration.parse(raw);
    let step = row.step as RestoreStep;
    if (step === "verify") {
      step = "create";
      await note(
        db,
        row.id,
        `archive ${backup.name} verified (SHA-256 ${manifest.payload.sha256.slice(0, 12)}…)`,
        { step, progress: 0.25 },
      );
    }
    if (step === "create") {
      await options.beforeStep?.("create");
      await db.transaction(async (tx) => {
        const now = new Date();
        const values = {
          edition: row.edition,
          units: manifest.units,
          region: row.region,
          state: "restoring",
          stateReason: `restoring from ${backup.name}`,
          stateChangedAt: now,
          origin: "restore",
          retiredAt: null,
        };
        await tx
          .insert(services)
          .values({ id: row.target, ...values })
          .onConflictDoUpdate({ target: services.id, set: values });
        await tx.delete(serviceComponents).where(eq(serviceComponents.serviceId, row.target));
        const parts = componentsFor(row, manifest);
        for (const { role: _, ...c } of parts)
          await tx
            .insert(components)
            .values(c)
            .onConflictDoUpdate({ target: components.id, set: { ...c, retiredAt: null } });
        await tx.insert(serviceComponents).values(
          parts.map((c, position) => ({
            serviceId: row.target,
            componentId: c.id,
            role: c.role,
            position,
          })),
        );
        step = "apply";
        await note(tx, row.id, `service ${row.target} created in ${row.region}, state restoring`, {
          step,
          progress: 0.5,
        });
        await bumpEstateVersion(tx);
      });
    }
    reachedTarget = true;
    if (step === "apply") {
      await options.beforeStep?.("apply");
      const restored: ServiceConfiguration = {
        ...configuration,
        settings: {
          ...configuration.settings,
          edition: row.edition as ServiceConfiguration["settings"]["edition"],
          region: row.region,
          trackingDatabase: configuration.settings.trackingDatabase.replace(
            /Database=[^;]*/,
            `Database=${row.trackingDatabase}`,
          ),
          monitoringStorage: configuration.settings.monitoringStorage.replace(
            /AccountName=[^;]*/,
            `AccountName=${row.storage}`,
          ),
          archivingStorage: configuration.settings.archivingStorage.replace(
            /AccountName=[^;]*/,
            `AccountName=${row.storage}`,
          ),
        },
      };
      await db.transaction(async (tx) => {
        const values = {
          configuration: restored,
          version: 1,
          sizeBytes: Buffer.byteLength(JSON.stringify(restored)),
          updatedAt: new Date(),
          updatedBy: `restore of ${backup.name}`,
        };
        await tx
          .insert(serviceConfigurations)
          .values({ serviceId: row.target, ...values })
          .onConflictDoUpdate({ target: serviceConfigurations.serviceId, set: values });
        step = "suspend";
        await note(
          tx,
          row.id,
          `configuration applied: ${configuration.agreements.length} agreements, ${configuration.bridges.length} bridges; EDI control numbers are as of the backup`,
          { step, progress: 0.75 },
        );
      });
    }
    await options.beforeStep?.("suspend");
    await db.transaction(async (tx) => {
      const now = new Date();
      await tx
        .update(services)
        .set({
          state: "suspended",
          stateReason: `restored from ${backup.name}; resume after the checklist`,
          stateChangedAt: now,
        })
        .where(eq(services.id, row.target));
      await note(
        tx,
        row.id,
        `${row.target} is suspended: work through the checklist, then resume it`,
        {
          step: "done",
          status: "succeeded",
          progress: 1,
          finishedAt: now,
        },
      );
      await recordAudit(tx, {
        actor: SYSTEM,
        action: "restores.complete",
        target: row.target,
        input: { restore: row.id, backup: backup.name },
        outcome: "ok",
      });
      await bumpEstateVersion(tx);
    });
  } catch (error) {
    await failRestore(db, row, (error as Error).message, reachedTarget);
  }
  const [after] = await db.select().from(restores).where(eq(restores.id, row.id));
  return after!;
}

async function failRestore(db: Db, row: RestoreRecord, reason: string, targetTouched: boolean) {
  await db.transaction(async (tx) => {
    await note(
      tx,
      row.id,
      `failed: ${reason}`,
      { status: "failed", error: reason.slice(0, 1_000), finishedAt: new Date() },
      "error",
    );
    const [service] = await tx.select().from(services).where(eq(services.id, row.target));
    if (targetTouched || service?.state === "restoring")
      await tx
        .update(services)
        .set({
          state: "restore_failed",
          stateReason: `restore failed: ${reason}`.slice(0, 500),
          stateChangedAt: new Date(),
        })
        .where(and(eq(services.id, row.target), eq(services.origin, "restore")));
    await recordAudit(tx, {
      actor: SYSTEM,
      action: "restores.complete",
      target: row.target,
      input: { restore: row.id },
      outcome: "failed",
      detail: reason.slice(0, 500),
    });
    await bumpEstateVersion(tx);
  });
}

/**
 * Restores whose worker stopped beating: resumed by another worker from their recorded step, or,
 * after MAX_ATTEMPTS, failed with the target left restore_failed. Never half-restored and silent.
 */
export async function reapRestores(
  db: Db,
  staleAfterMs: number,
  now = new Date(),
): Promise<number> {
  const stale = await db
    .select()
    .from(restores)
    .where(
      and(
        eq(restores.status, "running"),
        lt(restores.heartbeatAt, new Date(now.getTime() - staleAfterMs)),
      ),
    );
  for (const row of stale) {
    if (row.attempts >= MAX_ATTEMPTS) {
      await failRestore(
        db,
        row,
        `its worker stopped ${row.attempts} times (last at step "${row.step}")`,
        row.step !== "verify",
      );
    } else {
      await note(
        db,
        row.id,
        `the worker stopped at step "${row.step}"; queued to resume`,
        { status: "queued", workerId: null },
        "error",
      );
    }
  }
  return stale.length;
}
