/** The top of the board: the demo notice, the overall banner, "Updated …" and the warnings. */
import type { LiveBoard } from "@/lib/health/board-types";
import { STATUS_LABEL, STATUSES, type Status } from "@/lib/status/vocabulary";
import { formatAge } from "../format";
import { esc, icon } from "./html";

const INDICATOR_STATUS: Record<LiveBoard["overall"]["indicator"], Status> = {
  none: "operational",
  maintenance: "under_maintenance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
  unknown: "unknown",
};
const FAILING: Status[] = ["degraded_performance", "partial_outage", "major_outage"];
const clock = (iso: string) => `${iso.slice(11, 19)} UTC`;

export function renderNotice(view: LiveBoard): string {
  if (!view.demo) return "";
  return `<p class="board-demo">Demo estate <span>simulated services; try a fault with <code>npm run standfast -- simulate</code></span></p>`;
}

/**
 * The overall indicator in words, with counts of every status that is not operational and the
 * services with problems. When the server cannot be reached it claims no status: it says how old
 * the last known one is (`now`: the server's time; null on the server, which is never unreachable).
 */
export function renderBanner(view: LiveBoard, now: number | null, unreachable: boolean): string {
  const status = unreachable ? "unknown" : INDICATOR_STATUS[view.overall.indicator];
  const total = Object.values(view.counts).reduce((a, b) => a + b, view.notServing);
  const problems = STATUSES.filter((s) => s !== "operational" && view.counts[s] > 0);
  const asOf = view.store.readAt;
  const title = unreachable
    ? `Cannot reach Standfast: last known status as of ${clock(asOf)}, ${formatAge((now ?? Date.parse(asOf)) - Date.parse(asOf))} ago`
    : view.overall.description;
  let counts = `${view.counts.operational} of ${total} components operational`;
  counts += problems
    .map((s, i) => `${i ? ", " : ": "}${view.counts[s]} ${STATUS_LABEL[s].toLowerCase()}`)
    .join("");
  if (view.notServing > 0) counts += `; ${view.notServing} in services not serving`;
  // Services hit by a known problem (their own or a dependency's), as the list shows them first.
  const affected = view.services.filter((s) => FAILING.includes(s.status)).map((s) => s.id);
  const named =
    affected.length > 0
      ? `<p>${esc(`Affected service${affected.length > 1 ? "s" : ""}, listed first below: ${affected.slice(0, 6).join(", ")}${affected.length > 6 ? ` and ${affected.length - 6} more` : ""}`)}</p>`
      : "";
  return (
    `<section aria-labelledby="overall" class="board-banner" data-tone="${status}" data-indicator="${unreachable ? "unreachable" : view.overall.indicator}">` +
    `${icon(status, "size-7")}<div class="min-w-0 flex-1"><h1 id="overall">${esc(title)}</h1><p>${esc(counts)}</p>${named}</div></section>`
  );
}

/** "Updated 12:00:01 UTC" on the server; "Updated 5 s ago" in the browser, on the server's clock. */
export function updatedText(view: LiveBoard, now: number | null): string {
  const readAt = view.store.readAt;
  return now === null
    ? `Updated ${clock(readAt)}`
    : `Updated ${formatAge(now - Date.parse(readAt))} ago`;
}

export function renderFreshness(view: LiveBoard): string {
  return (
    `<div class="board-fresh"><span aria-live="off" data-testid="updated">${esc(updatedText(view, null))}</span>` +
    `<span aria-hidden="true">·</span><span>refreshes every ${formatAge(view.refreshMs)}</span>` +
    `<button type="button" data-action="refresh" class="board-button board-button-small">Refresh now</button></div>`
  );
}

/**
 * The warnings that keep the board honest: the server cannot be reached, it cannot read its status
 * store, or the health checks have stopped. Clock times, not ages: an alert that changed every
 * second would be read out every second.
 */
export function renderAlerts(view: LiveBoard, unreachable: boolean): string {
  const out: string[] = [];
  if (unreachable)
    out.push(
      `<p role="alert" class="board-alert board-alert-red">Cannot reach Standfast. Retrying every ${formatAge(view.refreshMs)}. Statuses may have changed since; each turns Unknown once its data is older than its staleness limit.</p>`,
    );
  if (view.store.unreachableSince)
    out.push(
      `<p role="alert" class="board-alert">Standfast cannot read its status store since ${clock(view.store.unreachableSince)}: showing the data it read at ${clock(view.store.readAt)}, aged as time passes.</p>`,
    );
  if (!view.poller.running)
    out.push(
      `<p role="alert" class="board-alert">Health checks have stopped${view.poller.lastBeatAt ? `: the poller last ran at ${clock(view.poller.lastBeatAt)}` : ": no poller has run yet"}. Statuses turn unknown as their data goes stale.</p>`,
    );
  return out.join("");
}
