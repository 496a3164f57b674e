import Link from "next/link";
import type { TimelineEntry } from "@/lib/incidents/incident-types";
import { fullUtc } from "../detail/format";
import { StatusIcon } from "../status/status-icon";

const KIND: Record<TimelineEntry["kind"], string> = {
  update: "Update",
  status: "Status",
  fault: "Fault",
  operation: "Operation",
  backup: "Backup",
  restore: "Restore",
};

/** What happened around the incident, oldest first, each with its kind in words and who did it. */
export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0)
    return <p className="text-sm">Nothing recorded around this incident.</p>;
  return (
    <ol
      className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800"
      aria-label="Timeline, oldest first"
    >
      {entries.map((e, n) => (
        <li
          key={`${e.at}-${n}`}
          className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-1.5"
          data-kind={e.kind}
        >
          <time dateTime={e.at} className="shrink-0 text-zinc-600 tabular-nums dark:text-zinc-400">
            {fullUtc(e.at)}
          </time>
          <span className="w-20 shrink-0 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
            {KIND[e.kind]}
          </span>
          <span className="inline-flex min-w-0 items-center gap-1.5 break-words">
            {e.status && <StatusIcon status={e.status} className="size-3.5" />}
            {e.href ? (
              <Link href={e.href} prefetch={false} className="hover:underline">
                {e.text}
              </Link>
            ) : (
              e.text
            )}
          </span>
          {e.who && <span className="text-zinc-600 dark:text-zinc-400">by {e.who}</span>}
        </li>
      ))}
    </ol>
  );
}
