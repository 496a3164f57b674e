import Link from "next/link";
import type { HistoryEntry } from "@/lib/incidents/history-types";
import { dayLabel, fullUtc } from "../detail/format";
import { ImpactBadge, IncidentStatusBadge, MaintenanceBadge } from "./badges";

const time = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** The history, newest day first; runs of quiet days are one line. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  return (
    <ol className="space-y-4" aria-label="Incidents by day, newest first">
      {entries.map((e) =>
        "quiet" in e ? (
          <li key={`quiet-${e.to}`} className="text-sm text-zinc-600 dark:text-zinc-400">
            {e.days === 1
              ? `${dayLabel(e.to)}: no incidents reported.`
              : `${dayLabel(e.from)} to ${dayLabel(e.to)}: no incidents reported.`}
          </li>
        ) : (
          <li key={e.day} data-day={e.day}>
            <h3 className="border-b border-zinc-200 pb-1 text-sm font-semibold dark:border-zinc-800">
              {dayLabel(e.day)}
            </h3>
            <ul className="mt-2 space-y-3">
              {e.incidents.map((i) => (
                <li key={i.id} data-incident={i.id}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/incidents/${i.id}`}
                      prefetch={false}
                      className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                    >
                      {i.title}
                    </Link>
                    <IncidentStatusBadge status={i.status} />
                    <ImpactBadge impact={i.impact} />
                  </div>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {time(i.startedAt)}
                    {i.resolvedAt ? ` to ${fullUtc(i.resolvedAt)}` : ", not resolved yet"}
                    {i.serviceIds.length > 0 && ` · ${i.serviceIds.join(", ")}`}
                  </p>
                  {i.updates[0] && <p className="text-sm break-words">{i.updates[0].body}</p>}
                </li>
              ))}
              {e.maintenances.map((m) => (
                <li key={m.id} data-maintenance={m.id}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/maintenance/${m.id}`}
                      prefetch={false}
                      className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                    >
                      Maintenance: {m.title}
                    </Link>
                    <MaintenanceBadge status={m.status} />
                  </div>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {time(m.scheduledFor)} to {fullUtc(m.scheduledUntil)}
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ),
      )}
    </ol>
  );
}
