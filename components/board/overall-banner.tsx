import type { LiveBoard } from "@/lib/health/board-types";
import { STATUS_LABEL, STATUSES, type Status } from "@/lib/health/vocabulary";
import { StatusIcon } from "../status/status-icon";

const INDICATOR_STATUS: Record<LiveBoard["overall"]["indicator"], Status> = {
  none: "operational",
  maintenance: "under_maintenance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
  unknown: "unknown",
};

const TONE: Record<Status, string> = {
  operational: "border-green-600/40 bg-green-50 dark:bg-green-950/40",
  under_maintenance: "border-blue-600/40 bg-blue-50 dark:bg-blue-950/40",
  degraded_performance: "border-yellow-500/50 bg-yellow-50 dark:bg-yellow-950/30",
  partial_outage: "border-orange-500/50 bg-orange-50 dark:bg-orange-950/30",
  major_outage: "border-red-600/50 bg-red-50 dark:bg-red-950/40",
  unknown: "border-zinc-400/60 bg-zinc-100 dark:bg-zinc-900",
};

/** The overall indicator in words, with counts of every status that is not operational. */
export function OverallBanner({ view }: { view: LiveBoard }) {
  const status = INDICATOR_STATUS[view.overall.indicator];
  const total = Object.values(view.counts).reduce((a, b) => a + b, 0);
  const problems = STATUSES.filter((s) => s !== "operational" && view.counts[s] > 0);
  return (
    <section
      aria-labelledby="overall"
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border px-4 py-3 ${TONE[status]}`}
      data-indicator={view.overall.indicator}
    >
      <StatusIcon status={status} className="size-7" />
      <div className="min-w-0 flex-1">
        <h1 id="overall" className="text-lg font-semibold">
          {view.overall.description}
        </h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {view.counts.operational} of {total} components operational
          {problems.length > 0 && (
            <>
              {": "}
              {problems.map((s, i) => (
                <span key={s}>
                  {i > 0 && ", "}
                  {view.counts[s]} {STATUS_LABEL[s].toLowerCase()}
                </span>
              ))}
            </>
          )}
        </p>
      </div>
    </section>
  );
}
