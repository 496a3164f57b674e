import Link from "next/link";
import { TRIGGER_LABEL, type BackupRow } from "@/lib/backups/backup-types";
import { BackupStatusLabel, ChecksumLabel } from "./backup-status";
import { fullUtc } from "../detail/format";
import { ago, formatBytes, formatTook } from "./format";
import { jobCell, JobTable, type JobColumn } from "../jobs/job-table";

/** The checksum column: only an archive that was written has a checksum state worth showing. */
export function ChecksumCell({ row }: { row: BackupRow }) {
  if (row.status === "queued" || row.status === "running")
    return <span className="text-zinc-600 dark:text-zinc-400">not written yet</span>;
  if (row.status === "failed")
    return <span className="text-zinc-600 dark:text-zinc-400">no archive</span>;
  return (
    <span>
      <ChecksumLabel state={row.checksum} />
      {row.status === "pruned" && (
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">archive removed</span>
      )}
    </span>
  );
}

/** "24 Nov 2026 16:12 UTC" over "3 h ago"; a queued backup shows when it was asked for. */
function When({ at, requestedAt, now }: { at: string | null; requestedAt: string; now: string }) {
  const time = at ?? requestedAt;
  return (
    <span>
      <time dateTime={time} className="md:whitespace-nowrap">
        {at ? "" : "not yet; requested "}
        {fullUtc(time)}
      </time>
      <span className="block text-xs text-zinc-600 dark:text-zinc-400">{ago(time, now)}</span>
    </span>
  );
}

const COLUMNS: JobColumn[] = [
  { label: "Backup" },
  { label: "Store and region" },
  { label: "Trigger" },
  { label: "Started" },
  { label: "Took" },
  { label: "Size", className: "text-right" },
  { label: "Status" },
  { label: "Checksum" },
];

/** Backups, newest first. `showService` is off on a service's own page. */
export function BackupsTable({
  rows,
  now,
  showService = true,
  caption,
}: {
  rows: BackupRow[];
  now: string;
  showService?: boolean;
  caption: string;
}) {
  return (
    <JobTable
      testId="backups-table"
      caption={caption}
      columns={COLUMNS}
      bodyClassName="divide-y divide-zinc-200 max-md:block dark:divide-zinc-800"
    >
      {rows.map((r) => (
        <tr
          key={r.id}
          data-backup={r.id}
          data-backup-service={r.serviceId}
          className="max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:py-2"
        >
          <td className={`${jobCell} max-md:col-span-2 max-md:before:hidden`}>
            <div className="min-w-0">
              <Link
                href={`/backups/${r.id}`}
                prefetch={false}
                className="font-medium break-all text-blue-700 hover:underline md:break-normal md:whitespace-nowrap dark:text-blue-400"
              >
                {r.name}
              </Link>
              {showService && (
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  service{" "}
                  <Link
                    href={`/services/${encodeURIComponent(r.serviceId)}`}
                    prefetch={false}
                    className="underline"
                  >
                    {r.serviceId}
                  </Link>
                </p>
              )}
              {r.status === "failed" && (
                <p className="mt-0.5 text-xs text-red-800 dark:text-red-300">
                  {r.error ?? "failed without a message"} ·{" "}
                  <Link href={`/backups/${r.id}#log`} prefetch={false} className="underline">
                    operation log
                  </Link>
                </p>
              )}
            </div>
          </td>
          <td className={jobCell} data-label="Stored in">
            <span className="md:whitespace-nowrap">
              {r.regionName}
              <span className="text-zinc-600 dark:text-zinc-400" title={r.storeLabel}>
                {" "}
                · {r.storeId}
              </span>
            </span>
          </td>
          <td className={jobCell} data-label="Trigger">
            {TRIGGER_LABEL[r.trigger]}
          </td>
          <td className={`${jobCell} tabular-nums`} data-label="Started">
            <When at={r.startedAt} requestedAt={r.requestedAt} now={now} />
          </td>
          <td className={`${jobCell} tabular-nums`} data-label="Took">
            {formatTook(r.durationMs)}
          </td>
          <td
            className={`${jobCell} text-right whitespace-nowrap tabular-nums max-md:text-left`}
            data-label="Size"
          >
            {r.sizeBytes === null ? "–" : formatBytes(r.sizeBytes)}
          </td>
          <td className={jobCell} data-label="Status">
            <span>
              <BackupStatusLabel status={r.status} />
              {r.status === "running" && r.progress !== null && (
                <span className="ml-1 text-xs tabular-nums">{Math.round(r.progress * 100)} %</span>
              )}
            </span>
          </td>
          <td className={jobCell} data-label="Checksum">
            <ChecksumCell row={r} />
          </td>
        </tr>
      ))}
    </JobTable>
  );
}
