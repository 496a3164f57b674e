import Link from "next/link";
import { KIND_LABEL } from "@/lib/estate/types";
import type { ServiceView } from "@/lib/health/history-types";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { stateLabel } from "../board/format";
import { StatusLabel } from "../status/status-icon";
import { whenWithAge } from "./format";

/** The service's components, role instances first, each with its status and who else shares it. */
export function ServiceComponents({ view }: { view: ServiceView }) {
  return (
    <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
      {view.components.map((c) => (
        <li
          key={c.id}
          className="grid gap-x-4 gap-y-0.5 py-2 sm:grid-cols-[minmax(12rem,1fr)_minmax(10rem,auto)]"
        >
          <div className="min-w-0">
            <Link
              href={`/components/${encodeURIComponent(c.id)}`}
              prefetch={false}
              className="font-medium text-blue-700 hover:underline dark:text-blue-400"
            >
              {KIND_LABEL[c.kind]}
            </Link>{" "}
            <span className="text-zinc-600 dark:text-zinc-400">
              {c.name} · {c.regionName}
              {c.role === "dependency" &&
                view.service.impactedBy.includes(c.id) &&
                " · impacting this service"}
            </span>
            {c.sharedWith.length > 0 && (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Shared: also used by{" "}
                {c.sharedWith.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 && ", "}
                    <Link
                      href={`/services/${encodeURIComponent(s.id)}`}
                      prefetch={false}
                      className="underline"
                    >
                      {s.id}
                    </Link>
                  </span>
                ))}
              </p>
            )}
            {c.reason && <p className="text-xs text-zinc-600 dark:text-zinc-400">{c.reason}</p>}
          </div>
          <div>
            {c.serviceState ? (
              <span className="font-medium">
                {stateLabel(c.serviceState)}: not serving; last reading{" "}
                {STATUS_LABEL[c.status].toLowerCase()}
              </span>
            ) : (
              <StatusLabel status={c.status} className="font-medium" />
            )}
            {c.instances && !c.serviceState && (
              <span className="ml-2 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                {c.instances.up}/{c.instances.total} instances up
              </span>
            )}
            {c.since && (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                since {whenWithAge(c.since, view.generatedAt)}
              </p>
            )}
            {c.lastFailure && !c.stale && (
              <p className="text-xs font-medium text-amber-800 dark:text-amber-300">
                ⚠&#xFE0E; last read failed {whenWithAge(c.lastFailure.at, view.generatedAt)}:{" "}
                {c.lastFailure.error}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
