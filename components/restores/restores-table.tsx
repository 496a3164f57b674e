import Link from "next/link";
import type { RestoreView } from "@/lib/restores/restore-types";
import { StateBadge } from "../board/state-badge";
import type { ServiceState } from "@/lib/estate/types";
import { fullUtc } from "../detail/format";
import { ageBetween } from "../board/format";
import { RestoreStatusLabel } from "./restore-status";

const th = "px-2 py-2 text-left text-xs font-semibold text-zinc-600 dark:text-zinc-300";
// Phone width: each row becomes a card, each cell labelled by its column's name.
const td =
  "px-2 py-2 align-top max-md:block max-md:px-0 max-md:py-0.5 max-md:before:block max-md:before:text-xs max-md:before:text-zinc-600 max-md:before:content-[attr(data-label)] dark:max-md:before:text-zinc-400";

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
    <table className="w-full border-collapse text-sm max-md:block" data-testid="restores-table">
      <caption className="sr-only">Recent restores, newest first</caption>
      <thead className="border-b border-zinc-200 max-md:sr-only dark:border-zinc-800">
        <tr>
          <th scope="col" className={th}>
            Target
          </th>
          <th scope="col" className={th}>
            Backup
          </th>
          <th scope="col" className={th}>
            Region
          </th>
          <th scope="col" className={th}>
            Status
          </th>
          <th scope="col" className={th}>
            Requested
          </th>
        </tr>
      </thead>
      <tbody className="max-md:block">
        {rows.map((r) => (
          <tr
            key={r.id}
            data-restore={r.id}
            className="border-b border-zinc-200 max-md:block max-md:py-2 dark:border-zinc-800"
          >
            <td className={td} data-label="Target">
              <Link href={`/restores/${r.id}`} prefetch={false} className="font-medium underline">
                {r.target}
              </Link>
              {r.targetState && (
                <span className="ml-2 align-middle">
                  <StateBadge state={r.targetState as ServiceState} />
                </span>
              )}
            </td>
            <td className={td} data-label="Backup">
              <Link
                href={`/backups/${r.backupId}`}
                prefetch={false}
                className="break-all underline"
              >
                {r.backupName}
              </Link>
              {r.sourceService && (
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  of {r.sourceService}
                </span>
              )}
            </td>
            <td className={td} data-label="Region">
              {regionNames.get(r.region) ?? r.region}
            </td>
            <td className={td} data-label="Status">
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
            <td className={td} data-label="Requested">
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
      </tbody>
    </table>
  );
}
