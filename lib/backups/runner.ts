/**
 * Running backups: a queued row is claimed by exactly one worker (UPDATE … SKIP LOCKED), the
 * configuration is archived into its store with progress, read back and verified, and the row
 * records the outcome with an operation log. A worker that dies leaves a row whose heartbeat
 * stops; the reaper fails it with that reason, so no backup stays "running" forever.
 */
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { tables, queryRows, type Db } from "../db";
import { logger } from "../log";
import { readConfiguration, summarise } from "../control-plane";
import type { Edition } from "../estate/types";
import { encodeArchive, verifyArchive } from "./archive";
import type { BackupLogEntry } from "./backup-types";
import { BACKUP_ALLOWED_STATES } from "./backup-types";
import { planRetention } from "./retention";
import type { Stores } from "./registry";
import type { Manifest } from "./manifest";

const { backups, services, backupSchedules } = tables;
const serverLog = logger("backups");
export type BackupRecord = typeof backups.$inferSelect;

/** A log line stamped by the caller's clock, so a backup's log falls between its start and finish. */
const entry = (
  at: Date,
  message: string,
  level: BackupLogEntry["level"] = "info",
): BackupLogEntry => ({ at: at.toISOString(), level, message });

/** Appends to a backup's operation log (jsonb concatenation: no read-modify-write race). */
async function log(db: Db, id: string, e: BackupLogEntry, set: Partial<BackupRecord> = {}) {
  await db
    .update(backups)
    .set({ ...set, log: sql`${backups.log} || ${JSON.stringify([e])}::jsonb` })
    .where(eq(backups.id, id));
}

/** Claims the oldest queued backup for `workerId`, or null. Safe with any number of workers. */
export async function claimNext(db: Db, workerId: string, now = new Date()) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update backups set status = 'running', worker_id = ${workerId}, started_at = ${now.toISOString()}::timestamptz,
          heartbeat_at = ${now.toISOString()}::timestamptz, progress = 0
        where id = (select id from backups where status = 'queued' order by requested_at, id
                    limit 1 for update skip locked)
        returning id`,
  );
  if (!rows[0]) return null;
  const [row] = await db.select().from(backups).where(eq(backups.id, rows[0].id));
  return row ?? null;
}

export class BackupFailure extends Error {}

/** Takes the claimed backup. Never throws for the backup's own failures: they land in the row. */
export async function runBackup(
  db: Db,
  row: BackupRecord,
  stores: Stores,
  options: { now?: () => Date; progressEveryMs?: number } = {},
): Promise<BackupRecord> {
  const now = options.now ?? (() => new Date());
  const started = now();
  try {
    const store = stores.get(row.storeId);
    if (!store)
      throw new BackupFailure(
        `backup store "${row.storeId}" is not configured on this instance; configured: ${stores
          .list()
          .map((s) => s.id)
          .join(", ")}`,
      );
    const [service] = await db.select().from(services).where(eq(services.id, row.serviceId));
    if (!service || service.retiredAt)
      throw new BackupFailure(`service ${row.serviceId} no longer exists`);
    if (!(BACKUP_ALLOWED_STATES as readonly string[]).includes(service.state))
      throw new BackupFailure(
        `not allowed in state ${service.state}: backups run only when the service is ${BACKUP_ALLOWED_STATES.join(", ")}`,
      );
    if (service.edition === "developer")
      throw new BackupFailure("the developer edition cannot be backed up");
    const current = await readConfiguration(db, row.serviceId);
    if (!current) throw new BackupFailure(`no configuration recorded for ${row.serviceId}`);
    await log(db, row.id, entry(now(), `reading configuration version ${current.version}`));

    const { bytes, manifest } = encodeArchive(
      {
        name: row.name,
        service: row.serviceId,
        edition: service.edition as Edition,
        units: service.units,
        region: service.region,
        productVersion: current.configuration.settings.productVersion,
        createdAt: started.toISOString(),
        trigger: row.trigger as Manifest["trigger"],
        contents: summarise(current.configuration),
      },
      current.configuration,
    );
    await log(
      db,
      row.id,
      entry(
        now(),
        `archive built: ${bytes.length} bytes, payload SHA-256 ${manifest.payload.sha256}`,
      ),
    );

    await store.probe(row.region);
    let lastReport = 0;
    const every = options.progressEveryMs ?? 250;
    let pending: Promise<unknown> = Promise.resolve();
    const written = await store.write(row.region, row.name, bytes, {
      onProgress: (done, total) => {
        const t = Date.now();
        if (t - lastReport < every && done < total) return;
        lastReport = t;
        // Progress covers the write (to 90 %); the read-back check is the rest.
        const progress = total ? (0.9 * done) / total : 0.9;
        pending = pending.then(() =>
          db
            .update(backups)
            .set({ progress, heartbeatAt: now() })
            .where(eq(backups.id, row.id))
            .catch(() => {}),
        );
      },
    });
    await pending;
    // The log is shown to viewers: it names the store and region, not the file or URL.
    await log(db, row.id, entry(now(), `written to store ${store.id}, region ${row.region}`), {
      progress: 0.9,
    });

    const back = await store.read(row.region, row.name);
    const verified = verifyArchive(back);
    if (verified.manifest.payload.sha256 !== manifest.payload.sha256)
      throw new BackupFailure("the archive read back is not the one written");
    const finishedAt = now();
    await log(db, row.id, entry(finishedAt, "read back and verified: checksum matches"), {
      status: "succeeded",
      checksum: "verified",
      progress: 1,
      finishedAt,
      heartbeatAt: finishedAt,
      sizeBytes: bytes.length,
      sha256: manifest.payload.sha256,
      manifest,
      location: written.location,
      error: null,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The full reason, server paths included, for whoever runs the server; views show the store's name.
    serverLog.warn(`backup ${row.name} failed: ${message}`);
    const finishedAt = now();
    await log(db, row.id, entry(finishedAt, `failed: ${message}`, "error"), {
      status: "failed",
      finishedAt,
      heartbeatAt: finishedAt,
      error: message.slice(0, 1_000),
    });
  }
  const [after] = await db.select().from(backups).where(eq(backups.id, row.id));
  return after!;
}

export async function beat(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(backups)
    .set({ heartbeatAt: at })
    .where(and(eq(backups.id, id), eq(backups.status, "running")))
    .catch(() => {});
}

/** Fails backups whose worker stopped beating: never "running" forever, never silent. */
export async function reapStale(db: Db, staleAfterMs: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - staleAfterMs);
  const stale = await db
    .select({ id: backups.id })
    .from(backups)
    .where(and(eq(backups.status, "running"), lt(backups.heartbeatAt, cutoff)));
  for (const { id } of stale)
    await log(
      db,
      id,
      entry(
        now,
        "failed: the worker running this backup stopped (no heartbeat); take it again",
        "error",
      ),
      { status: "failed", finishedAt: now, error: "the worker running this backup stopped" },
    );
  return stale.length;
}

/** Applies the service's retention: removes expired automatic archives, never the last good one. */
export async function pruneService(
  db: Db,
  serviceId: string,
  stores: Stores,
  now = new Date(),
): Promise<string[]> {
  const [schedule] = await db
    .select()
    .from(backupSchedules)
    .where(eq(backupSchedules.serviceId, serviceId));
  if (!schedule) return [];
  const rows = await db
    .select()
    .from(backups)
    .where(and(eq(backups.serviceId, serviceId), inArray(backups.status, ["succeeded"])));
  const doomed = planRetention(rows, {
    retentionMs: schedule.retentionMs,
    keepAtLeastOne: schedule.keepAtLeastOne,
    now,
  });
  const pruned: string[] = [];
  for (const id of doomed) {
    const row = rows.find((r) => r.id === id)!;
    const store = stores.get(row.storeId);
    try {
      if (!store) throw new Error(`store "${row.storeId}" is not configured`);
      await store.remove(row.region, row.name);
      await log(db, id, entry(now, `removed by retention (older than the schedule's retention)`), {
        status: "pruned",
        prunedAt: now,
      });
      pruned.push(id);
    } catch (error) {
      await log(
        db,
        id,
        entry(now, `retention could not remove it: ${(error as Error).message}`, "error"),
      );
    }
  }
  return pruned;
}
