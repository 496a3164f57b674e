/** What a component's cell says, and how bad a service is: the words the board and its list share. */
import { KIND_LABEL } from "@/lib/estate/types";
import type { BoardService, LiveBoard, LiveComponent } from "@/lib/health/board-types";
import { STATUS_LABEL, type Status } from "@/lib/status/vocabulary";
import { formatAge, formatUtc, stateLabel } from "../format";

/** A cell's visible words: the status (or the state of a service not serving), instances, a failing read. */
export function cellWords(c: LiveComponent): {
  label: string;
  count: string | null;
  failing: boolean;
} {
  return {
    label: c.serviceState ? stateLabel(c.serviceState) : STATUS_LABEL[c.status],
    // Stale counts are history, not news.
    count:
      c.instances && !c.serviceState && !c.stale ? `${c.instances.up}/${c.instances.total}` : null,
    failing: c.lastFailure !== null && !c.stale,
  };
}

/**
 * A cell's full description, starting with the words it shows so its accessible name includes
 * them. With `now` (the tooltip, redrawn each second) times are ages; without (the accessible
 * name, drawn with the data) they are clock times, which never go out of date.
 */
export function describeCell(c: LiveComponent, regionName: string, at: string, now?: number) {
  const when = (iso: string) =>
    now === undefined ? `at ${iso.slice(11, 19)} UTC` : `${formatAge(now - Date.parse(iso))} ago`;
  const words = cellWords(c);
  const shown =
    [words.label, words.count].filter(Boolean).join(" ") + (words.failing ? ", read failed" : "");
  const up = c.instances && `${c.instances.up} of ${c.instances.total} instances up`;
  const status = [
    c.serviceState && `service not serving; last reading ${STATUS_LABEL[c.status]}`,
    up && (c.stale ? `last reported ${up}` : up),
  ];
  const failed =
    words.failing && c.lastFailure
      ? `last read failed ${when(c.lastFailure.at)}: ${c.lastFailure.error}`
      : null;
  const details = [
    failed,
    c.checkedAt ? `checked ${when(c.checkedAt)}` : "never checked",
    c.since && `since ${formatUtc(c.since, at)}`,
    c.reason,
  ];
  return [
    `${shown}: ${c.name}, ${KIND_LABEL[c.kind].toLowerCase()} in ${regionName}`,
    ...status.filter(Boolean),
    details.filter(Boolean).join(" · "),
  ].join("; ");
}

/** How bad, for putting problems first: outages, then unknown, then planned work. */
const SEVERITY: Record<Status, number> = {
  operational: 0,
  under_maintenance: 1,
  unknown: 2,
  degraded_performance: 3,
  partial_outage: 4,
  major_outage: 5,
};

/** A service's worst: its status, its components', and a failed operation (its state). */
export function severity(view: Pick<LiveBoard, "components">, s: BoardService): number {
  let worst = SEVERITY[s.status];
  for (const l of s.components) {
    const c = view.components[l.id];
    worst = Math.max(worst, c ? SEVERITY[c.status] : SEVERITY.unknown);
  }
  return s.state.endsWith("_failed") ? Math.max(worst, SEVERITY.degraded_performance) : worst;
}

export const serviceHasProblem = (view: Pick<LiveBoard, "components">, s: BoardService) =>
  severity(view, s) > 0;
