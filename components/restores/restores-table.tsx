import Link from "next/link";
import type { RestoreView } from "@/lib/restores/restore-types";
import { StateBadge } from "../board/state-badge";
import type { ServiceState } from "@/lib/estate/types";
import { fullUtc } from "../detail/format";
import { ageBetween } from "../board/format";
import { RestoreStatusLabel } from "./restore-status";
import { jobCell, JobTable, type JobColumn } from "../jobs/job-table";

const COLUMNS: JobColumn[] = [
  { label: "Target" },
  { label: "Backup" },
  { label: "Region" },
  { label: "Status" },
  { label: "Requested" },
];

/** Recent restores, newest first. */
export function RestoresTable({
  rows,
  regionNames,
  now,
}: {
  rows: RestoreView[];
  regionNames: Map<string, string>;
  now: string;
}) {
  return (
    <JobTable
      testId="restores-table"
      caption="Recent restores, newest first"
      columns={COLUMNS}
      bodyClassName="max-md:block"
    >
      {rows.map((r) => (
        <tr
          key={r.id}
          data-restore={r.id}
          className="border-b border-zinc-200 max-md:block max-md:py-2 dark:border-zinc-800"
        >
          <td className={jobCell} data-label="Target">
            <Link href={`/restores/${r.id}`} prefetch={false} className="font-medium underline">
              {r.target}
            </Link>
            {r.targetState && (
              <span className="ml-2 align-middle">
                <StateBadge state={r.targetState as ServiceState} />
              </span>
            )}
          </td>
          <td className={jobCell} data-label="Backup">
            <Link href={`/backups/${r.backupId}`} prefetch={false} className="break-all underline">
              {r.backupName}
            </Link>
            {r.sourceService && (
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                of {r.sourceService}
              </span>
            )}
          </td>
          <td className={jobCell} data-label="Region">
            {regionNames.get(r.region) ?? r.region}
          </td>
          <td className={jobCell} data-label="Status">
            <RestoreStatusLabel status={r.status} />
            {r.status === "succeeded" && (
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {r.resumedAt ? `resumed by ${r.resumedBy}` : "not resumed yet"}
              </span>
            )}
            {r.status === "failed" && r.error && (
              <span className="block max-w-xs text-xs break-words text-red-800 dark:text-red-200">
                {r.error}
              </span>
            )}
          </td>
          <td className={jobCell} data-label="Requested">
            <span className="md:whitespace-nowrap">by {r.requestedBy}</span>
            <time
              dateTime={r.requestedAt}
              className="block text-xs text-zinc-600 dark:text-zinc-400"
            >
              {fullUtc(r.requestedAt)} ({ageBetween(r.requestedAt, now)} ago)
            </time>
          </td>
        </tr>
      ))}
    </JobTable>
  );
}
