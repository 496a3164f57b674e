import { STATUS_LABEL, STATUSES, type Status } from "@/lib/health/vocabulary";
import { StatusIcon } from "../status/status-icon";

/** Marks that are not statuses: a service not serving, a region with nothing to judge. */
const EXTRA = ["paused", "none"] as const;
type Mark = Status | (typeof EXTRA)[number];
const LABEL: Record<Mark, string> = {
  ...STATUS_LABEL,
  paused: "Suspended, stopped…",
  none: "Nothing monitored",
};

const MEANING: Record<Mark, string> = {
  operational: "working normally",
  under_maintenance: "planned work",
  degraded_performance: "slow or impaired",
  partial_outage: "some instances or requests failing",
  major_outage: "down",
  unknown: "no fresh data: the last reading is too old",
  paused: "the service is not serving; its role instances make no health claim",
  none: "no component watched in that region",
};

export function Legend() {
  return (
    <section aria-labelledby="legend-title" className="text-xs text-zinc-600 dark:text-zinc-400">
      <h2 id="legend-title" className="sr-only">
        Legend
      </h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {[...STATUSES, ...EXTRA].map((s) => (
          <li key={s} className="inline-flex items-center gap-1.5">
            <StatusIcon status={s} className="size-3.5" />
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{LABEL[s]}</span>
            <span>{MEANING[s]}</span>
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span className="font-medium text-amber-800 dark:text-amber-300">
            ⚠&#xFE0E; read failed
          </span>
          <span>the newest read failed; the status stands until its data is stale</span>
        </li>
      </ul>
    </section>
  );
}
