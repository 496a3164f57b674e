import "server-only";
import type { Ctx } from "../auth";
import { getDb, type Db } from "../db";
import { runOperation as runControlPlaneOperation } from "../control-plane";
import { getSettings } from "../settings";
import type { BackupQuery } from "./backup-types";
import { getStores } from "./registry";
import {
  getBackup as readBackup,
  listBackups as readBackups,
  serviceBackups as readServiceBackups,
  serviceTimeline as readTimeline,
  storeOptions as readStoreOptions,
} from "./queries";
import { complianceReport as buildReport } from "./report";
import { queueAfterChange } from "./enqueue";
import { requestBackup as request, setSchedule as schedule } from "./requests";
import { verifyBackup as verify } from "./verify";
import { getWorker } from "./worker-registry";

export * from "./backup-types";
export { parseBackupQuery, parseDays } from "./query-input";
export { complianceCsv } from "./report";
export { stepForViewer, type StepForViewer } from "./next-steps";
export { BackupWorker } from "./worker";
export { installStores, storesOf, type Stores, getStores } from "./registry";
export { startBackupWorker, stopBackupWorker } from "./worker-registry";
export { seedDemoBackups } from "./demo";

const reportSettings = () => ({
  rpoMs: getSettings().STANDFAST_BACKUP_RPO,
  drillWithinMs: getSettings().STANDFAST_DRILL_WITHIN,
});
const names = async (db: Db) => ({ db, stores: getStores() });

// Reads: pages and API routes check the viewer role before calling them.
export async function listBackups(query: BackupQuery, db?: Db) {
  const c = await names(db ?? (await getDb()));
  return readBackups(c.db, query, c.stores);
}
export async function getBackup(id: string, db?: Db) {
  const c = await names(db ?? (await getDb()));
  return readBackup(c.db, id, c.stores);
}
export async function getServiceBackups(serviceId: string, db?: Db) {
  const c = await names(db ?? (await getDb()));
  return readServiceBackups(c.db, serviceId, c.stores);
}
export async function getServiceTimeline(serviceId: string, days: number, db?: Db) {
  const c = await names(db ?? (await getDb()));
  const to = new Date();
  return readTimeline(c.db, serviceId, c.stores, {
    from: new Date(to.getTime() - days * 86_400_000),
    to,
  });
}
export async function getStoreOptions(db?: Db) {
  const c = await names(db ?? (await getDb()));
  return readStoreOptions(c.db, c.stores);
}
export async function getComplianceReport(days: 30 | 90 = 30, db?: Db) {
  return buildReport(db ?? (await getDb()), { ...reportSettings(), days });
}
/** One service's compliance now, with the next steps of its failing rules; null if unknown. */
export async function getServiceCompliance(serviceId: string, db?: Db) {
  const report = await buildReport(db ?? (await getDb()), { ...reportSettings(), days: 0 });
  return report.services.find((s) => s.service === serviceId) ?? null;
}

// Writes: each authorizes and validates inside; the worker is woken so the backup starts now.
export async function requestBackup(ctx: Ctx, raw: unknown) {
  const row = await request(ctx, raw, { stores: getStores() });
  getWorker()?.kick();
  return (await readBackup(ctx.db, row.id, getStores()))!;
}
export async function verifyBackup(ctx: Ctx, id: string) {
  return verify(ctx, id, { stores: getStores() });
}
export async function setSchedule(ctx: Ctx, serviceId: string, raw: unknown) {
  const row = await schedule(ctx, serviceId, raw, { stores: getStores() });
  getWorker()?.kick();
  return row;
}
/** A management operation, with the after-change policy's backup queued in the same transaction. */
export async function runOperation(ctx: Ctx, serviceId: string, raw: unknown) {
  const operation = await runControlPlaneOperation(ctx, serviceId, raw, {
    onRecorded: async (tx, op) => void (await queueAfterChange(tx, op)),
  });
  getWorker()?.kick();
  return operation;
}

/** The schedule verb with the stores given, for a caller already inside a transaction (a restore). */
export { setSchedule as setScheduleWithStores } from "./requests";
export { withoutStorePaths } from "./store-view";
export { checkArchive, ArchiveRefused, readVerifiedArchive } from "./verify";
export { payloadSha256 } from "./archive";
export { type Manifest } from "./manifest";
export { startActivityFeed } from "./activity-feed";
export { createStores, isStoreError, StoreConfigError } from "./stores";
