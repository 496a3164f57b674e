import { STATUS_LABEL, STATUSES, type Status } from "@/lib/health/vocabulary";
import { StatusIcon } from "../status/status-icon";

const MEANING: Record<Status, string> = {
  operational: "working normally",
  under_maintenance: "planned work",
  degraded_performance: "slow or impaired",
  partial_outage: "some instances or requests failing",
  major_outage: "down",
  unknown: "no fresh data: the last reading is too old",
};

export function Legend() {
  return (
    <section aria-labelledby="legend-title" className="text-xs text-zinc-600 dark:text-zinc-400">
      <h2 id="legend-title" className="sr-only">
        Legend
      </h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {STATUSES.map((s) => (
          <li key={s} className="inline-flex items-center gap-1.5">
            <StatusIcon status={s} className="size-3.5" />
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{STATUS_LABEL[s]}</span>
            <span>{MEANING[s]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
