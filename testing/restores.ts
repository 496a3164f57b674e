/** What the restore integration tests share. */
import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { requestBackup } from "../lib/backups/requests";
import { BackupWorker } from "../lib/backups/worker";
import { tables, type Db } from "../lib/db";
import { isDomainError } from "../lib/errors";
import type { BackupFixture } from "./backups";

export const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return `${error.kind}: ${error.message}`;
    throw error;
  }
  throw new Error("expected a refusal");
};

export async function restoreCounts(db: Db) {
  const [[r], [s], [c]] = await Promise.all([
    db.select({ n: count() }).from(tables.restores),
    db.select({ n: count() }).from(tables.services),
    db.select({ n: count() }).from(tables.serviceConfigurations),
  ]);
  return { restores: r!.n, services: s!.n, configurations: c!.n };
}

export async function backedUp(f: BackupFixture, service = "contoso-edi") {
  const row = await requestBackup(f.ctx("operator"), { service }, { stores: f.stores });
  await new BackupWorker({ db: f.db, stores: f.stores }).pass();
  return row;
}

export const restoreInput = (backupId: string, over: Record<string, unknown> = {}) => ({
  backupId,
  target: "contoso-dr",
  region: "northeurope",
  edition: "premium",
  trackingDatabase: "contoso-dr-tracking",
  storage: "contosodrstore",
  confirm: "contoso-dr",
  idempotencyKey: randomUUID(),
  ...over,
});
