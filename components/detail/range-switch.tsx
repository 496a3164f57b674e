import Link from "next/link";
import {
  DEFAULT_RANGE,
  HISTORY_RANGES,
  isHistoryRange,
  RANGE_LABEL,
  type HistoryRange,
} from "@/lib/health/history-types";

/** Plain links, so the range changes with or without JavaScript. */
export function RangeSwitch({ basePath, current }: { basePath: string; current: HistoryRange }) {
  return (
    <nav aria-label="Time range">
      <ul className="inline-flex overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
        {HISTORY_RANGES.map((r) => (
          <li key={r} className="border-zinc-300 not-first:border-l dark:border-zinc-700">
            <Link
              href={`${basePath}?range=${r}`}
              scroll={false}
              prefetch={false}
              aria-current={r === current ? "true" : undefined}
              title={RANGE_LABEL[r]}
              className="block px-3 py-1 font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-[current=true]:bg-blue-600 aria-[current=true]:text-white dark:hover:bg-zinc-800"
            >
              {r}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The range a page shows: the one asked for, or the default with a visible note saying why. */
export function pickRange(raw: string | string[] | undefined): {
  range: HistoryRange;
  problem: string | null;
} {
  if (raw === undefined) return { range: DEFAULT_RANGE, problem: null };
  if (isHistoryRange(raw)) return { range: raw, problem: null };
  const given = Array.isArray(raw) ? raw.join(", ") : raw;
  return {
    range: DEFAULT_RANGE,
    problem: `The range ${JSON.stringify(given)} is not one of ${HISTORY_RANGES.join(", ")}: showing the ${RANGE_LABEL[DEFAULT_RANGE].toLowerCase()} instead.`,
  };
}
