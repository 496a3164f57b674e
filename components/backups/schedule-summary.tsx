import Link from "next/link";
import type { ScheduleView, StoreOption } from "@/lib/backups/backup-types";
import { BackupStatusLabel } from "./backup-status";
import { spelledDuration, utcWithAge } from "./format";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-x-3 py-1 sm:grid-cols-[9rem_1fr] sm:gap-x-4">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** The service's backup schedule in words: how often, how long kept, where, after changes, next and last run. */
export function ScheduleSummary({
  schedule,
  stores,
  serviceRegion,
  now,
}: {
  schedule: ScheduleView | null;
  stores: StoreOption[];
  serviceRegion: string;
  now: string;
}) {
  if (!schedule)
    return (
      <p className="text-sm" data-testid="schedule">
        No backup schedule: this service is backed up only when someone takes a backup.
      </p>
    );
  const store = stores.find((s) => s.id === schedule.storeId);
  const region = store?.regions.find((r) => r.id === schedule.region)?.name ?? schedule.region;
  const last = schedule.lastRun;
  const overdue =
    schedule.enabled && schedule.nextDueAt && Date.parse(schedule.nextDueAt) < Date.parse(now);
  return (
    <dl className="text-sm" data-testid="schedule">
      <Row term="Schedule">
        {schedule.enabled ? (
          `every ${spelledDuration(schedule.frequencyMs)}`
        ) : (
          <span className="font-medium">switched off: no scheduled backups are taken</span>
        )}
      </Row>
      <Row term="Retention">
        kept {spelledDuration(schedule.retentionMs)}
        {schedule.keepAtLeastOne
          ? ", always keeping at least one"
          : "; the last backup may be removed too"}
      </Row>
      <Row term="Stored in">
        {region} · {store?.label ?? schedule.storeId}
        {schedule.region === serviceRegion && " (the service's own region: no off-site copy)"}
      </Row>
      <Row term="After changes">
        {schedule.afterChange
          ? "backs up after every management operation"
          : "no backup after management operations (the compliance rule asks for one)"}
      </Row>
      <Row term="Next backup">
        {!schedule.enabled || !schedule.nextDueAt
          ? "none scheduled"
          : overdue
            ? `overdue: was due ${utcWithAge(schedule.nextDueAt, now)}`
            : utcWithAge(schedule.nextDueAt, now)}
      </Row>
      <Row term="Last scheduled run">
        {last ? (
          <span className="inline-flex flex-wrap items-center gap-x-2">
            <BackupStatusLabel status={last.status} />
            <Link
              href={`/backups/${last.id}${last.status === "failed" ? "#log" : ""}`}
              prefetch={false}
              className="text-blue-700 underline dark:text-blue-400"
            >
              {last.status === "failed" ? "operation log" : last.name}
            </Link>
            <span className="text-zinc-600 dark:text-zinc-400">
              {utcWithAge(last.startedAt ?? last.requestedAt, now)}
            </span>
            {last.error && (
              <span className="basis-full text-red-800 dark:text-red-300">{last.error}</span>
            )}
          </span>
        ) : (
          "none yet"
        )}
      </Row>
      {schedule.updatedAt && (
        <Row term="Changed">
          {utcWithAge(schedule.updatedAt, now)}
          {schedule.updatedBy && ` by ${schedule.updatedBy}`}
        </Row>
      )}
    </dl>
  );
}
