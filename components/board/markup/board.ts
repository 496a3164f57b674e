/**
 * The whole board as HTML text, from the live board: what the server caches per snapshot and the
 * browser redraws part by part as its copy of the data changes and ages. One renderer for both,
 * so they cannot disagree; parts carry a fingerprint so the browser replaces only what changed.
 */
import type { LiveBoard } from "@/lib/health/board-types";
import { renderAlerts, renderBanner, renderFreshness, renderNotice } from "./banner";
import { esc, fingerprint } from "./html";
import { renderLegend } from "./legend";
import { renderPlatform } from "./platform";
import {
  closedLine,
  closedLineKey,
  COLLAPSE_AFTER,
  orderServices,
  rankServices,
  renderClosedLine,
  renderService,
  renderServicesEmpty,
  servicesContext,
  type ServicesContext,
  type ServiceEntry,
} from "./services";

export type BoardState = {
  problemsOnly: boolean;
  /** The browser's time on the server's clock; null on the server. */
  now: number | null;
  unreachable: boolean;
  /** Collapsed services the reader opened. */
  open: ReadonlySet<string>;
};

export const SERVER_STATE: BoardState = {
  problemsOnly: false,
  now: null,
  unreachable: false,
  open: new Set(),
};

export type PartName = "notice" | "banner" | "alerts" | "platform" | "toolbar";
export type ServiceBlock = { id: string; html: string };

function renderToolbar(ranked: ServiceEntry[], problemsOnly: boolean): string {
  let n = 0;
  for (const x of ranked) if (x.rank > 0) n++;
  // Without script the button is a form that loads the filtered board; with it, it filters in place.
  return (
    `<form method="get" action="/" class="board-filter">${problemsOnly ? "" : `<input type="hidden" name="problems" value="1">`}` +
    `<button type="submit" data-action="problems" aria-pressed="${problemsOnly}" class="board-button">` +
    `${problemsOnly ? "✓ " : ""}Problems only (${n} service${n === 1 ? "" : "s"})</button></form>`
  );
}

export function renderParts(
  view: LiveBoard,
  state: BoardState,
  ranked: ServiceEntry[] = rankServices(view),
): Record<PartName, string> {
  return {
    notice: renderNotice(view),
    banner: renderBanner(view, state.now, state.unreachable),
    alerts: renderAlerts(view, state.unreachable),
    platform: renderPlatform(view),
    toolbar: renderToolbar(ranked, state.problemsOnly),
  };
}

/** Past this many services, the problems beyond the worst this many are one line each too. */
export const EXPAND_AT_MOST = 100;

/**
 * Closed one-line services' blocks (fingerprinted) by what they show. In a large estate most
 * services are one closed line, and a new snapshot changes few of them: their blocks are made
 * again only when what they show changes. Emptied when it holds far more than one board's lines.
 */
const closedLines = new Map<string, string>();
const CLOSED_LINES_SLACK = 1_000;

function closedBlock(ctx: ServicesContext, entry: ServiceEntry): string {
  const line = closedLine(ctx, entry.s);
  const key = closedLineKey(line);
  let html = closedLines.get(key);
  if (html === undefined) {
    html = withFingerprint(renderClosedLine(line));
    closedLines.set(key, html);
  }
  return html;
}

/** The services' blocks in order; one empty-list message when there are none to show. */
export function renderServiceBlocks(
  view: LiveBoard,
  state: BoardState,
  ranked: ServiceEntry[] = rankServices(view),
): ServiceBlock[] {
  const entries = orderServices(ranked, state.problemsOnly);
  if (entries.length === 0)
    return [{ id: "", html: renderServicesEmpty(view, state.problemsOnly) }];
  const large = view.services.length > COLLAPSE_AFTER;
  const ctx = servicesContext(view, state.problemsOnly);
  if (closedLines.size > 2 * view.services.length + CLOSED_LINES_SLACK) closedLines.clear();
  return entries.map((entry, i) => {
    const collapsed = large && (entry.rank === 0 || i >= EXPAND_AT_MOST);
    const open = state.open.has(entry.s.id);
    return {
      id: entry.s.id,
      html:
        collapsed && !open
          ? closedBlock(ctx, entry)
          : withFingerprint(renderService(ctx, entry, { opened: collapsed })),
    };
  });
}

/** The block's markup with its own fingerprint on its outer element. */
function withFingerprint(html: string): string {
  let end = 1;
  while (end < html.length && /\w/.test(html[end]!)) end++;
  return `${html.slice(0, end)} data-v="${fingerprint(html)}"${html.slice(end)}`;
}

const part = (name: PartName, html: string, tag = "div", extra = "") =>
  `<${tag} data-part="${name}" data-v="${fingerprint(html)}"${extra}>${html}</${tag}>`;

/** The board's whole markup, as the server sends it in the page. */
export function renderBoard(view: LiveBoard, state: BoardState = SERVER_STATE): string {
  const ranked = rankServices(view);
  const p = renderParts(view, state, ranked);
  const blocks = renderServiceBlocks(view, state, ranked)
    .map((b) => b.html)
    .join("");
  return (
    `<div id="board" class="board" data-generated-at="${esc(view.generatedAt)}" data-read-at="${esc(view.store.readAt)}" data-refresh-ms="${view.refreshMs}" data-problems="${state.problemsOnly ? 1 : 0}">` +
    part("notice", p.notice) +
    part("banner", p.banner) +
    renderFreshness(view) +
    part("alerts", p.alerts) +
    part(
      "platform",
      p.platform,
      "section",
      ` aria-labelledby="platform-title" class="board-platform"`,
    ) +
    `<section aria-labelledby="services-title" class="board-services"><div class="board-toolbar"><h2 id="services-title" class="board-h2">Services</h2>` +
    part("toolbar", p.toolbar) +
    renderLegend() +
    `</div><div id="board-grid" data-part="services">${blocks}</div></section>` +
    `<p id="board-announce" class="sr-only" aria-live="polite" aria-atomic="true"></p>` +
    `<div class="board-tip" data-testid="cell-tip" aria-hidden="true" hidden></div></div>`
  );
}
