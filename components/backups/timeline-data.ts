import type { BackupRow, OperationRow } from "@/lib/backups/backup-types";

const DAY = 86_400_000;

export type TimelineDay = {
  day: string;
  succeeded: number;
  failed: number;
  pruned: number;
  inProgress: number;
  operations: number;
};

export type TimelineSummary = {
  backups: number;
  succeeded: number;
  failed: number;
  pruned: number;
  inProgress: number;
  operations: number;
  operationsFollowed: number;
};

/** One bucket per UTC day from `days - 1` days before `now` to today, backups by status and operations. */
export function timelineDays(
  data: { backups: BackupRow[]; operations: OperationRow[] },
  days: number,
  now: Date,
): { days: TimelineDay[]; summary: TimelineSummary } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const out: TimelineDay[] = [];
  const index = new Map<string, TimelineDay>();
  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(today - d * DAY).toISOString().slice(0, 10);
    const bucket = { day, succeeded: 0, failed: 0, pruned: 0, inProgress: 0, operations: 0 };
    out.push(bucket);
    index.set(day, bucket);
  }
  const summary: TimelineSummary = {
    backups: 0,
    succeeded: 0,
    failed: 0,
    pruned: 0,
    inProgress: 0,
    operations: 0,
    operationsFollowed: 0,
  };
  for (const b of data.backups) {
    const bucket = index.get((b.startedAt ?? b.requestedAt).slice(0, 10));
    if (!bucket) continue;
    const key = b.status === "queued" || b.status === "running" ? "inProgress" : b.status;
    bucket[key]++;
    summary[key]++;
    summary.backups++;
  }
  for (const o of data.operations) {
    const bucket = index.get(o.at.slice(0, 10));
    if (!bucket) continue;
    bucket.operations++;
    summary.operations++;
    if (o.followedBy) summary.operationsFollowed++;
  }
  return { days: out, summary };
}
