import type { RestoreView } from "@/lib/restores/restore-types";
import { utcSeconds } from "../detail/format";

/** The job's log, oldest first, errors marked in words. */
export function RestoreLog({ log }: { log: RestoreView["log"] }) {
  if (!log.length) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing yet.</p>;
  return (
    <ol aria-label="Restore log" data-testid="restore-log" className="space-y-1 text-sm">
      {log.map((e, i) => (
        <li key={i} className="grid gap-x-3 sm:grid-cols-[12rem_1fr]">
          <time dateTime={e.at} className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            {utcSeconds(e.at)}
          </time>
          <span className={e.level === "error" ? "text-red-800 dark:text-red-200" : undefined}>
            {e.level === "error" && <strong className="font-semibold">Error: </strong>}
            {e.message}
          </span>
        </li>
      ))}
    </ol>
  );
}
