import type { LiveBoard } from "@/lib/health/board-types";
import { STATUS_LABEL, STATUSES, type Status } from "@/lib/health/vocabulary";
import { StatusIcon } from "../status/status-icon";
import { formatAge } from "./format";

const INDICATOR_STATUS: Record<LiveBoard["overall"]["indicator"], Status> = {
  none: "operational",
  maintenance: "under_maintenance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
  unknown: "unknown",
};

const FAILING: Status[] = ["degraded_performance", "partial_outage", "major_outage"];

const TONE: Record<Status, string> = {
  operational: "border-green-600/40 bg-green-50 dark:bg-green-950/40",
  under_maintenance: "border-blue-600/40 bg-blue-50 dark:bg-blue-950/40",
  degraded_performance: "border-yellow-500/50 bg-yellow-50 dark:bg-yellow-950/30",
  partial_outage: "border-orange-500/50 bg-orange-50 dark:bg-orange-950/30",
  major_outage: "border-red-600/50 bg-red-50 dark:bg-red-950/40",
  unknown: "border-zinc-400/60 bg-zinc-100 dark:bg-zinc-900",
};

/**
 * The overall indicator in words, with counts of every status that is not operational and the
 * services with problems. When the server cannot be reached it claims no status: it says how old
 * the last known one is, while the board below ages.
 */
export function OverallBanner({
  view,
  now,
  unreachable,
}: {
  view: LiveBoard;
  now: number;
  unreachable: boolean;
}) {
  const status = unreachable ? "unknown" : INDICATOR_STATUS[view.overall.indicator];
  const total = Object.values(view.counts).reduce((a, b) => a + b, view.notServing);
  const problems = STATUSES.filter((s) => s !== "operational" && view.counts[s] > 0);
  const asOf = view.store.readAt;
  // Services hit by a known problem (their own or a dependency's), as the grid lists them first.
  const affected = view.services.filter((s) => FAILING.includes(s.status)).map((s) => s.id);
  return (
    <section
      aria-labelledby="overall"
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border px-4 py-3 ${TONE[status]}`}
      data-indicator={unreachable ? "unreachable" : view.overall.indicator}
    >
      <StatusIcon status={status} className="size-7" />
      <div className="min-w-0 flex-1">
        <h1 id="overall" className="text-lg font-semibold">
          {unreachable
            ? `Cannot reach Standfast: last known status as of ${asOf.slice(11, 19)} UTC, ${formatAge(now - Date.parse(asOf))} ago`
            : view.overall.description}
        </h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {view.counts.operational} of {total} components operational
          {problems.map((s, i) => (
            <span key={s}>
              {i ? ", " : ": "}
              {view.counts[s]} {STATUS_LABEL[s].toLowerCase()}
            </span>
          ))}
          {view.notServing > 0 && `; ${view.notServing} in services not serving`}
        </p>
        {affected.length > 0 && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {`Affected service${affected.length > 1 ? "s" : ""}, listed first below: `}
            {affected.slice(0, 6).join(", ")}
            {affected.length > 6 && ` and ${affected.length - 6} more`}
          </p>
        )}
      </div>
    </section>
  );
}
