import Link from "next/link";
import type { UptimeDay, UptimeHistory } from "@/lib/health/history-types";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { StatusIcon } from "../status/status-icon";
import { dayLabel, percent } from "./format";

function describe(d: UptimeDay): string {
  if (d.uptime === null)
    return `${dayLabel(d.day)}: no data${d.worst === "unknown" ? " (only unknown readings)" : ""}`;
  return `${dayLabel(d.day)}: ${percent(d.uptime)} uptime, worst status ${STATUS_LABEL[d.worst ?? "unknown"]}`;
}

const troubled = (d: UptimeDay) =>
  d.uptime !== null && (d.uptime < 100 || (d.worst !== null && d.worst !== "operational"));

/** 90 days as plain HTML bars: colour for the eye, words for everyone (title, screen-reader text, list). */
export function UptimeBars({
  history,
  label,
  href,
}: {
  history: UptimeHistory;
  label: string;
  href?: string;
}) {
  const days = history.days;
  const problems = days.filter(troubled).reverse();
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        {href ? (
          <Link
            href={href}
            prefetch={false}
            className="font-medium text-blue-700 hover:underline dark:text-blue-400"
          >
            {label}
          </Link>
        ) : (
          <span className="font-medium">{label}</span>
        )}
        <span className="text-zinc-600 tabular-nums dark:text-zinc-400">
          {history.uptime === null
            ? `no data in ${days.length} days`
            : `${percent(history.uptime)} uptime · ${history.daysWithData} of ${days.length} days with data`}
        </span>
      </div>
      <ol
        aria-label={`Daily uptime of ${label}, last ${days.length} days, oldest first`}
        className="flex h-8 items-stretch gap-px"
      >
        {days.map((d) => {
          const text = describe(d);
          return (
            <li
              key={d.day}
              title={text}
              data-worst={d.worst ?? "none"}
              className={`min-w-0 flex-1 rounded-[1px] ${d.uptime === null ? "bg-zinc-200 dark:bg-zinc-800" : ""}`}
              style={
                d.uptime === null ? undefined : { background: `var(--st-${d.worst ?? "unknown"})` }
              }
            >
              <span className="sr-only">{text}</span>
            </li>
          );
        })}
      </ol>
      <div
        className="flex justify-between text-xs text-zinc-500 dark:text-zinc-400"
        aria-hidden="true"
      >
        <span>{days.length} days ago</span>
        <span>Today</span>
      </div>
      {problems.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
            {problems.length} day{problems.length === 1 ? "" : "s"} below 100 % or not fully
            operational
          </summary>
          <ul className="mt-1 space-y-0.5 pl-4">
            {problems.map((d) => (
              <li key={d.day} className="flex items-center gap-1.5">
                <StatusIcon status={d.worst ?? "unknown"} className="size-3.5" />
                {describe(d)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
