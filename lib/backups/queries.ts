/** Reads of backups, schedules and operations, shaped for the pages and the API. */
import { and, count, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { tables, type Db } from "../db";
import { listOperations } from "../control-plane";
import { readEstate } from "../estate";
import {
  BACKUP_ALLOWED_STATES,
  type BackupDetail,
  type BackupPage,
  type BackupQuery,
  type BackupRow,
  type OperationRow,
  type ScheduleView,
  type ServiceBackupsView,
  type StoreOption,
} from "./backup-types";
import { iso, toBackupRow, toOperationRows } from "./backup-rows";
import { NOT_INCLUDED, type Manifest } from "./manifest";
import type { Stores } from "./registry";
import type { BackupRecord } from "./runner";
import { storeLabelFor, withoutStorePaths } from "./store-view";

const { backups, backupSchedules, regions, services } = tables;

async function regionNames(db: Db) {
  const rows = await db.select({ id: regions.id, name: regions.name }).from(regions);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listBackups(db: Db, q: BackupQuery, stores: Stores): Promise<BackupPage> {
  const where: SQL[] = [];
  if (q.service) where.push(eq(backups.serviceId, q.service));
  if (q.status) where.push(eq(backups.status, q.status));
  if (q.region) where.push(eq(backups.region, q.region));
  if (q.from) where.push(gte(backups.requestedAt, q.from));
  if (q.to) where.push(lte(backups.requestedAt, q.to));
  const filter = where.length ? and(...where) : undefined;
  const [[total], rows, names] = await Promise.all([
    db.select({ n: count() }).from(backups).where(filter),
    db
      .select()
      .from(backups)
      .where(filter)
      .orderBy(desc(backups.requestedAt), desc(backups.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    regionNames(db),
  ]);
  const n = Number(total?.n ?? 0);
  return {
    rows: rows.map((r) => toBackupRow(r, { stores, regions: names })),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
    pages: Math.max(1, Math.ceil(n / q.pageSize)),
  };
}

/** Good backups: succeeded (or since pruned) with an archive that was never found corrupted. */
export async function goodBackups(db: Db, serviceIds?: string[]): Promise<BackupRecord[]> {
  return db
    .select()
    .from(backups)
    .where(
      and(
        inArray(backups.status, ["succeeded", "pruned"]),
        inArray(backups.checksum, ["verified", "unverified"]),
        serviceIds ? inArray(backups.serviceId, serviceIds) : undefined,
      ),
    );
}

export async function getBackup(db: Db, id: string, stores: Stores): Promise<BackupDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.select().from(backups).where(eq(backups.id, id));
  if (!row) return null;
  let operation: OperationRow | null = null;
  if (row.operationId !== null) {
    const ops = (await listOperations(db, { serviceIds: [row.serviceId] })).filter(
      (o) => o.id === row.operationId,
    );
    operation = toOperationRows(ops, await goodBackups(db, [row.serviceId]))[0] ?? null;
  }
  const manifest = (row.manifest as Manifest | null) ?? null;
  const view = toBackupRow(row, { stores, regions: await regionNames(db) });
  const shownAs = `${view.storeLabel}, ${view.regionName}`;
  return {
    ...view,
    sha256: row.sha256,
    manifest,
    notIncluded: manifest?.notIncluded ?? NOT_INCLUDED,
    log: ((row.log as BackupDetail["log"]) ?? []).map((e) => ({
      ...e,
      message: withoutStorePaths(e.message, stores, { location: row.location, shownAs }),
    })),
    operation,
  };
}

export async function readSchedule(
  db: Db,
  serviceId: string,
  stores: Stores,
): Promise<ScheduleView | null> {
  const [s] = await db
    .select()
    .from(backupSchedules)
    .where(eq(backupSchedules.serviceId, serviceId));
  if (!s) return null;
  const [last] = await db
    .select()
    .from(backups)
    .where(and(eq(backups.serviceId, serviceId), eq(backups.trigger, "scheduled")))
    .orderBy(desc(backups.requestedAt))
    .limit(1);
  return {
    serviceId,
    enabled: s.enabled,
    frequencyMs: s.frequencyMs,
    retentionMs: s.retentionMs,
    keepAtLeastOne: s.keepAtLeastOne,
    storeId: s.storeId,
    region: s.region,
    afterChange: s.afterChange,
    nextDueAt: iso(s.nextDueAt),
    lastRun: last ? toBackupRow(last, { stores, regions: await regionNames(db) }) : null,
    updatedAt: iso(s.updatedAt),
    updatedBy: s.updatedBy,
  };
}

export async function serviceBackups(
  db: Db,
  serviceId: string,
  stores: Stores,
  options: { recent?: number; operations?: number } = {},
): Promise<ServiceBackupsView | null> {
  const [service] = await db.select().from(services).where(eq(services.id, serviceId));
  if (!service || service.retiredAt) return null;
  const [recent, schedule, ops, good, names] = await Promise.all([
    db
      .select()
      .from(backups)
      .where(eq(backups.serviceId, serviceId))
      .orderBy(desc(backups.requestedAt))
      .limit(options.recent ?? 5),
    readSchedule(db, serviceId, stores),
    listOperations(db, { serviceIds: [serviceId], limit: options.operations ?? 10 }),
    goodBackups(db, [serviceId]),
    regionNames(db),
  ]);
  return {
    serviceId,
    state: service.state,
    backupAllowed: (BACKUP_ALLOWED_STATES as readonly string[]).includes(service.state),
    editionSupportsBackup: service.edition !== "developer",
    recent: recent.map((r) => toBackupRow(r, { stores, regions: names })),
    schedule,
    operations: toOperationRows(ops, good),
  };
}

/** Every store with the estate's regions it can write to. */
export async function storeOptions(db: Db, stores: Stores): Promise<StoreOption[]> {
  const estate = await readEstate(db);
  return stores.list().map((s) => ({
    id: s.id,
    label: storeLabelFor(s),
    kind: s.kind,
    regions: estate.regions,
  }));
}

/** Backups and operations of one service over a window: the timeline chart's data. */
export async function serviceTimeline(
  db: Db,
  serviceId: string,
  stores: Stores,
  window: { from: Date; to: Date },
): Promise<{ backups: BackupRow[]; operations: OperationRow[] }> {
  const [rows, ops, good, names] = await Promise.all([
    db
      .select()
      .from(backups)
      .where(
        and(
          eq(backups.serviceId, serviceId),
          gte(backups.requestedAt, window.from),
          lte(backups.requestedAt, window.to),
        ),
      )
      .orderBy(backups.requestedAt),
    listOperations(db, { serviceIds: [serviceId], since: window.from }),
    goodBackups(db, [serviceId]),
    regionNames(db),
  ]);
  return {
    backups: rows.map((r) => toBackupRow(r, { stores, regions: names })),
    operations: toOperationRows(
      ops.filter((o) => o.at <= window.to),
      good,
    ).reverse(),
  };
}
