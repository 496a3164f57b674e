"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/incident-types";
import { noticesFromSummary, type Notices } from "@/lib/incidents/notice-types";
import { fullUtc } from "../detail/format";
import { StatusIcon } from "../status/status-icon";
import { ImpactBadge, IncidentStatusBadge, IMPACT_SHAPE, MaintenanceBadge } from "./badges";

const box = "rounded-lg border px-4 py-3";

/** Re-reads the notices from summary.json every `refreshMs`, as the board refreshes; keeps the last on failure. */
function useLiveNotices(initial: Notices, refreshMs: number): Notices {
  const [notices, setNotices] = useState(initial);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const response = await fetch("/api/v2/summary.json", { cache: "no-store" });
        const next = response.ok ? noticesFromSummary(await response.json()) : null;
        if (next && !stopped) setNotices(next);
      } catch {
        // The board's own banner says when Standfast cannot be reached.
      }
      if (!stopped) timer = setTimeout(tick, refreshMs);
    };
    timer = setTimeout(tick, refreshMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refreshMs]);
  return notices;
}

export function LiveNotices({ initial, refreshMs }: { initial: Notices; refreshMs: number }) {
  const { incidents, maintenances } = useLiveNotices(initial, refreshMs);
  return (
    <section
      aria-label="Incidents and maintenance"
      aria-live="polite"
      className="space-y-2 empty:hidden"
      data-testid="notices"
    >
      {incidents.map((i) => (
        <article
          key={i.id}
          data-incident={i.id}
          className={`${box} border-orange-500/50 bg-orange-50 dark:bg-orange-950/30`}
        >
          <div className="flex flex-wrap items-center gap-2">
            <StatusIcon status={IMPACT_SHAPE[i.impact]} className="size-5" />
            <h2 className="text-base font-semibold">
              <Link href={`/incidents/${i.id}`} prefetch={false} className="hover:underline">
                {i.title}
              </Link>
            </h2>
            <IncidentStatusBadge status={i.status} />
            <ImpactBadge impact={i.impact} />
          </div>
          {i.latest && (
            <p className="mt-1 text-sm break-words">
              <strong>{INCIDENT_STATUS_LABEL[i.latest.status]}</strong> - {i.latest.body}{" "}
              <span className="text-zinc-600 dark:text-zinc-400">
                (<time dateTime={i.latest.createdAt}>{fullUtc(i.latest.createdAt)}</time>)
              </span>
            </p>
          )}
          {i.components.length > 0 && (
            <p className="mt-0.5 text-xs text-zinc-700 dark:text-zinc-300">
              Affects {i.components.join(", ")}
            </p>
          )}
        </article>
      ))}
      {maintenances.map((m) => (
        <article
          key={m.id}
          data-maintenance={m.id}
          className={`${box} border-blue-600/40 bg-blue-50 dark:bg-blue-950/40`}
        >
          <div className="flex flex-wrap items-center gap-2">
            <StatusIcon status="under_maintenance" className="size-5" />
            <h2 className="text-base font-semibold">
              <Link href={`/maintenance/${m.id}`} prefetch={false} className="hover:underline">
                {m.title}
              </Link>
            </h2>
            <MaintenanceBadge status={m.status} />
          </div>
          <p className="mt-1 text-sm">
            {m.status === "scheduled" ? (
              <>
                Scheduled <time dateTime={m.scheduledFor}>{fullUtc(m.scheduledFor)}</time> to{" "}
              </>
            ) : (
              "Until "
            )}
            <time dateTime={m.scheduledUntil}>{fullUtc(m.scheduledUntil)}</time>
            {m.components.length > 0 && ` · ${m.components.join(", ")}`}
          </p>
        </article>
      ))}
    </section>
  );
}
