/**
 * The services, problems first (worst first, then by name), then the rest by name. In a large
 * estate the healthy ones are one line each, a native <details> that opens in place.
 */
import { KIND_LABEL } from "@/lib/estate/types";
import {
  isServing,
  type BoardService,
  type LiveBoard,
  type LiveComponent,
} from "@/lib/health/board-types";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { stateLabel } from "../format";
import { cellWords, describeCell, severity } from "./describe";
import { esc, icon, plural } from "./html";

/** Past this many services, healthy ones are collapsed to one line. */
export const COLLAPSE_AFTER = 50;

export type ServiceEntry = { s: BoardService; rank: number };

/** Every service with how bad it is, judged once per drawing (the toolbar and the list share it). */
export const rankServices = (view: LiveBoard): ServiceEntry[] =>
  view.services.map((s) => ({ s, rank: severity(view, s) }));

/** The services to show, in order: problems first, worst first, then by name. */
export function orderServices(ranked: ServiceEntry[], problemsOnly: boolean): ServiceEntry[] {
  return (problemsOnly ? ranked.filter((x) => x.rank > 0) : ranked.slice()).sort(
    (a, b) => b.rank - a.rank || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0),
  );
}

export function renderCell(c: LiveComponent, regionName: string, at: string): string {
  const w = cellWords(c);
  return (
    `<a href="/components/${esc(encodeURIComponent(c.id))}" class="cell" data-status="${c.status}"` +
    `${c.serviceState ? ` data-state="${c.serviceState}"` : ""}${w.failing ? ` data-read-failed="true"` : ""}` +
    ` aria-label="${esc(describeCell(c, regionName, at))}">${esc(w.label)}` +
    // A space between the words, so the text read from the cell is "Operational 2/2", as its name.
    `${w.count ? ` <small>${w.count}</small>` : ""}${w.failing ? ` <small class="cell-failed">read failed</small>` : ""}</a>`
  );
}

function renderRow(c: LiveComponent, regionName: string, at: string): string {
  return (
    `<li class="row"><span class="row-kind">${KIND_LABEL[c.kind]} <small>${esc(c.name)}</small></span>` +
    `${renderCell(c, regionName, at)}<span class="row-region">${esc(regionName)}</span></li>`
  );
}

function statusWords(s: BoardService): string {
  if (isServing(s.state) || s.status !== "operational")
    return `<span class="svc-status">${icon(s.status)}<span>${STATUS_LABEL[s.status]}</span></span>`;
  return `<span class="svc-status">${icon("paused")}<span>not serving</span></span>`;
}

function renderHead(s: BoardService, regionName: string): string {
  const units = `${s.edition}, ${plural(s.units, "unit")}, ${regionName}`;
  return (
    `<div class="svc-head"><a href="/services/${esc(encodeURIComponent(s.id))}" class="svc-name">${esc(s.id)}</a>` +
    `<span class="svc-meta">${esc(units)}</span><span class="state-badge" data-state="${s.state}" title="Service state">${esc(s.state.replace(/_/g, " "))}</span>` +
    `${statusWords(s)}${s.reason ? `<span class="svc-meta">${esc(s.reason)}</span>` : ""}</div>`
  );
}

/** What every block of one drawing shares. */
export type ServicesContext = {
  view: LiveBoard;
  regionNames: Map<string, string>;
  problemsOnly: boolean;
};

export const servicesContext = (view: LiveBoard, problemsOnly: boolean): ServicesContext => ({
  view,
  regionNames: new Map(view.regions.map((r) => [r.id, r.name])),
  problemsOnly,
});

/** The components of a service that the board has, in the service's order. */
function partsOf(ctx: ServicesContext, s: BoardService): LiveComponent[] {
  const parts: LiveComponent[] = [];
  for (const l of s.components) {
    const c = ctx.view.components[l.id];
    if (c) parts.push(c);
  }
  return parts;
}

/**
 * Everything a closed one-line service shows, and nothing else: its markup is made from these
 * values alone (renderClosedLine), so they are also its key in the cache of lines (board.ts).
 */
export type ClosedLine = {
  id: string;
  edition: BoardService["edition"];
  regionName: string;
  state: BoardService["state"];
  status: BoardService["status"];
  up: number;
  serving: number;
  total: number;
};

export function closedLine(ctx: ServicesContext, s: BoardService): ClosedLine {
  let up = 0;
  let serving = 0;
  let total = 0;
  for (const l of s.components) {
    const c = ctx.view.components[l.id];
    if (!c) continue;
    total++;
    if (c.serviceState) continue;
    serving++;
    if (c.status === "operational") up++;
  }
  const regionName = ctx.regionNames.get(s.region) ?? s.region;
  return {
    id: s.id,
    edition: s.edition,
    regionName,
    state: s.state,
    status: s.status,
    up,
    serving,
    total,
  };
}

/** The key of a closed line in the cache: every value it shows (none can be left out), unambiguously. */
export const closedLineKey = (line: ClosedLine) => JSON.stringify(Object.values(line));

/** The one line of a collapsed service, with its rows (drawn once it is opened) replaced by a link. */
function renderSummary(line: ClosedLine, open: boolean): string {
  const state = line.state === "active" ? "" : `, ${stateLabel(line.state).toLowerCase()}`;
  const paused = line.serving < line.total ? ", role instances not serving" : "";
  const summary = `${line.edition}, ${line.regionName}${state} · ${line.up} of ${plural(line.serving, "component")} operational${paused}`;
  const notServing = !isServing(line.state) && line.status === "operational";
  return (
    `<details class="svc svc-collapsed" data-service="${esc(line.id)}"${open ? " open" : ""}>` +
    `<summary><span class="mark" ${notServing ? `data-state="${line.state}">not serving` : `data-status="${line.status}">${STATUS_LABEL[line.status]}`}</span>` +
    ` <span class="svc-line">${esc(line.id)} <span class="svc-meta">${esc(summary)}</span></span></summary>`
  );
}

/** A collapsed service, closed: its line and a link to its page, for a browser without script. */
export const renderClosedLine = (line: ClosedLine) =>
  `${renderSummary(line, false)}<a class="svc-link" href="/services/${esc(encodeURIComponent(line.id))}">${esc(line.id)} service page</a></details>`;

/**
 * One service drawn in full: its header and a row per component. `opened`: a collapsed service the
 * reader opened, drawn under its one line. Closed, a collapsed service is its line alone
 * (renderClosedLine): its rows are drawn only once opened (the browser draws them from the live
 * data), which keeps a large estate's page small.
 */
export function renderService(
  ctx: ServicesContext,
  entry: ServiceEntry,
  options: { opened: boolean },
): string {
  const { s } = entry;
  const { view, regionNames } = ctx;
  const rows = partsOf(ctx, s)
    .filter((c) => !(ctx.problemsOnly && c.status === "operational"))
    .map((c) =>
      renderRow(
        c,
        regionNames.get(c.region) ?? `a region this board does not show (${c.region})`,
        view.generatedAt,
      ),
    )
    .join("");
  const full = `${renderHead(s, regionNames.get(s.region) ?? s.region)}<ul class="svc-rows">${rows}</ul>`;
  return options.opened
    ? `${renderSummary(closedLine(ctx, s), true)}${full}</details>`
    : `<div class="svc" data-service="${esc(s.id)}">${full}</div>`;
}

export function renderServicesEmpty(view: LiveBoard, problemsOnly: boolean): string {
  return `<p class="board-empty">${problemsOnly ? "No problems: every component is operational." : view.services.length === 0 ? "The estate has no services yet." : ""}</p>`;
}
