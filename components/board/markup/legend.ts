/** What each mark means. Folded by default, so on a phone it does not push the board down. */
import { STATUS_LABEL, STATUSES, type Status } from "@/lib/status/vocabulary";
import { esc, icon } from "./html";

/** Marks that are not statuses: a service not serving, a place with nothing to judge. */
type Mark = Status | "paused" | "none";
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
  none: "no component of that kind watched in that region",
};

let cached = "";

export function renderLegend(): string {
  if (cached) return cached;
  const items = [...STATUSES, "paused", "none"].map(
    (m) =>
      `<li>${icon(m, "size-3.5")}<b>${esc(LABEL[m as Mark])}</b> ${esc(MEANING[m as Mark])}</li>`,
  );
  items.push(
    `<li><b class="legend-failed">⚠&#xFE0E; read failed</b> the newest read failed; the status stands until its data is stale</li>`,
  );
  cached = `<details class="board-legend"><summary>What the marks mean</summary><ul>${items.join("")}</ul></details>`;
  return cached;
}
