import Link from "next/link";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import type { StatusStep } from "@/lib/incidents";
import type { AffectedComponent } from "@/lib/incidents/incident-types";
import { StatusIcon } from "../status/status-icon";

const time = (iso: string) => `${iso.slice(11, 19)} UTC`;

/** The affected components: now, at worst, and each status they went through during the incident. */
export function AffectedComponents({
  components,
  over,
}: {
  components: AffectedComponent[];
  over: Record<string, StatusStep[]>;
}) {
  if (components.length === 0)
    return <p className="text-sm">No components are named in this incident.</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {components.map((c) => (
        <li key={c.id} className="py-2" data-component={c.id}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <Link
              href={`/components/${encodeURIComponent(c.id)}`}
              prefetch={false}
              className={`font-medium text-blue-700 hover:underline dark:text-blue-400 ${c.removed ? "line-through" : ""}`}
            >
              {c.name}
            </Link>
            {c.removed && <span className="text-xs">(no longer affected)</span>}
            <span className="text-zinc-600 dark:text-zinc-400">{c.region}</span>
            <span className="inline-flex items-center gap-1">
              Now <StatusIcon status={c.status} className="size-3.5" />
              {STATUS_LABEL[c.status]}
            </span>
            <span className="inline-flex items-center gap-1">
              at worst <StatusIcon status={c.worstStatus} className="size-3.5" />
              {STATUS_LABEL[c.worstStatus]}
            </span>
          </div>
          {(over[c.id] ?? []).length > 0 && (
            <ol
              aria-label={`${c.name}: status over the incident`}
              className="mt-1 flex flex-wrap gap-1.5 text-xs"
            >
              {over[c.id]!.map((step, n) => (
                <li
                  key={`${step.at}-${n}`}
                  className="inline-flex items-center gap-1 rounded border border-zinc-200 px-1.5 py-0.5 dark:border-zinc-700"
                >
                  <time dateTime={step.at} className="tabular-nums">
                    {time(step.at)}
                  </time>
                  <StatusIcon status={step.status} className="size-3" />
                  {STATUS_LABEL[step.status]}
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}
