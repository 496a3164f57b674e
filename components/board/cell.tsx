import { memo } from "react";
import { KIND_LABEL } from "@/lib/estate/types";
import type { LiveComponent } from "@/lib/health/board-types";
import { STATUS_LABEL } from "@/lib/health/vocabulary";
import { formatAge, formatUtc, stateLabel } from "./format";

/**
 * A cell's full description. With `now` (the tooltip, redrawn each second) times are ages; without
 * (the accessible name, drawn with the data) they are clock times, which never go out of date.
 */
export function describeCell(c: LiveComponent, regionName: string, at: string, now?: number) {
  const when = (iso: string) =>
    now === undefined ? `at ${iso.slice(11, 19)} UTC` : `${formatAge(now - Date.parse(iso))} ago`;
  const up = c.instances && `${c.instances.up} of ${c.instances.total} instances up`;
  // Stale counts are history, not news.
  const instances = up ? (c.stale ? `; last reported ${up}` : `, ${up}`) : "";
  const status = c.serviceState
    ? `${stateLabel(c.serviceState)}, service not serving; last reading ${STATUS_LABEL[c.status]}${instances}`
    : STATUS_LABEL[c.status] + instances;
  const failed =
    c.lastFailure && !c.stale
      ? `last read failed ${when(c.lastFailure.at)}: ${c.lastFailure.error}`
      : null;
  const details = [
    failed,
    c.checkedAt ? `checked ${when(c.checkedAt)}` : "never checked",
    c.since && `since ${formatUtc(c.since, at)}`,
    c.reason,
  ];
  return `${c.name}, ${KIND_LABEL[c.kind]} in ${regionName}: ${status}; ${details.filter(Boolean).join(" · ")}`;
}

/**
 * One component in its region column: icon (drawn by CSS from data-status, or data-state for a
 * service that is not serving), words and instance count, and a mark from a failing read's first
 * failure. Its full description is its accessible name; the board's one shared tooltip shows it
 * with live ages. A plain anchor: the board delegates client-side navigation for all cells at once.
 */
export const Cell = memo(function Cell({
  c,
  regionName,
  at,
}: {
  c: LiveComponent;
  regionName: string;
  at: string;
}) {
  const failing = c.lastFailure !== null && !c.stale;
  return (
    <a
      href={`/components/${encodeURIComponent(c.id)}`}
      className="cell"
      data-status={c.status}
      data-state={c.serviceState ?? undefined}
      data-read-failed={failing || undefined}
      aria-label={describeCell(c, regionName, at)}
    >
      {c.serviceState ? stateLabel(c.serviceState) : STATUS_LABEL[c.status]}
      {c.instances && !c.serviceState && !c.stale && (
        <small>{`${c.instances.up}/${c.instances.total}`}</small>
      )}
      {failing && <small className="cell-failed">read failed</small>}
    </a>
  );
});
