import Link from "next/link";
import { OPERATION_LABEL, type OperationKind, type OperationRow } from "@/lib/backups/backup-types";
import { VerdictIcon } from "../compliance/verdict";
import { utcWithAge } from "./format";

const kindLabel = (kind: string) => OPERATION_LABEL[kind as OperationKind] ?? kind;

/** Recent management operations, newest first, each with the good backup that followed it (or none). */
export function OperationsList({ operations, now }: { operations: OperationRow[]; now: string }) {
  if (operations.length === 0)
    return <p className="text-sm">No management operations recorded for this service.</p>;
  return (
    <ol className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="operations">
      {operations.map((o) => (
        <li
          key={o.id}
          className="grid gap-x-4 gap-y-0.5 py-2 sm:grid-cols-[minmax(0,1fr)_minmax(12rem,auto)]"
        >
          <div className="min-w-0">
            <p>
              <span className="font-medium">{kindLabel(o.kind)}</span>: {o.summary}
            </p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              <time dateTime={o.at}>{utcWithAge(o.at, now)}</time> by {o.actor}
              {o.source === "azure-activity-log" && " (from the Azure activity log)"}
            </p>
          </div>
          <div>
            {o.followedBy ? (
              <span className="inline-flex flex-wrap items-center gap-x-1.5">
                <VerdictIcon verdict="pass" />
                Backed up after:{" "}
                <Link
                  href={`/backups/${o.followedBy.backupId}`}
                  prefetch={false}
                  className="break-all text-blue-700 underline dark:text-blue-400"
                >
                  {o.followedBy.name}
                </Link>
              </span>
            ) : (
              <span className="inline-flex items-center gap-1.5 font-medium text-red-800 dark:text-red-300">
                <VerdictIcon verdict="fail" />
                No backup after it yet
              </span>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
