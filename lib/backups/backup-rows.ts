/** Backups and operations shaped for viewers: store and region by name, no store paths. */
import type { RecordedOperation } from "../control-plane";
import type { BackupRow, OperationRow } from "./backup-types";
import type { Stores } from "./registry";
import type { BackupRecord } from "./runner";
import { storeLabelFor, withoutStorePaths } from "./store-view";

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A backup as viewers see it: its store and region, never the archive's file path or URL. */
export function toBackupRow(
  r: BackupRecord,
  names: { stores: Stores; regions: Map<string, string> },
): BackupRow {
  const store = names.stores.get(r.storeId);
  const storeLabel = store ? storeLabelFor(store) : r.storeId;
  const regionName = names.regions.get(r.region) ?? r.region;
  const clean = (text: string) =>
    withoutStorePaths(text, names.stores, {
      location: r.location,
      shownAs: `${storeLabel}, ${regionName}`,
    });
  return {
    id: r.id,
    name: r.name,
    serviceId: r.serviceId,
    storeId: r.storeId,
    storeLabel,
    region: r.region,
    regionName,
    trigger: r.trigger as BackupRow["trigger"],
    status: r.status as BackupRow["status"],
    checksum: r.checksum as BackupRow["checksum"],
    requestedAt: r.requestedAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    sizeBytes: r.sizeBytes,
    progress: r.status === "running" ? (r.progress ?? 0) : null,
    error: r.error === null ? null : clean(r.error),
    requestedBy: r.requestedBy,
  };
}

/** Operations with the first good backup that started after each. */
export function toOperationRows(ops: RecordedOperation[], good: BackupRecord[]): OperationRow[] {
  const byService = new Map<string, BackupRecord[]>();
  for (const b of good) {
    const list = byService.get(b.serviceId) ?? [];
    list.push(b);
    byService.set(b.serviceId, list);
  }
  for (const list of byService.values())
    list.sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime());
  return ops.map((op) => {
    const next = byService.get(op.serviceId)?.find((b) => b.startedAt! >= op.at);
    return {
      id: op.id,
      serviceId: op.serviceId,
      kind: op.kind,
      summary: op.summary,
      actor: op.actorName,
      at: op.at.toISOString(),
      source: op.source as OperationRow["source"],
      followedBy: next
        ? { backupId: next.id, name: next.name, at: next.startedAt!.toISOString() }
        : null,
    };
  });
}
