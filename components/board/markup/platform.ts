/** The platform grid: regions down, component kinds across, each cell the worst of its kind there. */
import { COMPONENT_KINDS } from "@/lib/estate/types";
import {
  componentListHref,
  KIND_PLURAL,
  platformCounts,
  platformRows,
  type LiveBoard,
  type PlatformCell,
} from "@/lib/health/board-types";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { esc, icon } from "./html";

function cellWord(cell: PlatformCell): string {
  if (cell.status === "none") return "Nothing monitored";
  if (cell.status === "paused") return "Not serving";
  return STATUS_LABEL[cell.status];
}

function renderCell(cell: PlatformCell, regionName: string): string {
  const word = cellWord(cell);
  // At phone width the columns' headings are out of sight: each cell shows its kind.
  const kind = `<span class="pf-kind" aria-hidden="true">${KIND_PLURAL[cell.kind]}</span>`;
  const where = `<span class="sr-only">${esc(`${KIND_PLURAL[cell.kind]} in ${regionName}: `)}</span>`;
  if (cell.status === "none")
    // Nothing to judge: never a green tick, and no list to go to.
    return `<td>${kind}<span class="pcell" data-status="none">${where}${word}</span></td>`;
  // The link's name starts with where it is, then the words it shows.
  return (
    `<td>${kind}<a class="pcell" data-status="${cell.status}" href="${esc(componentListHref(cell.kind, cell.region))}">` +
    `${where}${word} <small>${esc(platformCounts(cell))}</small></a></td>`
  );
}

export function renderPlatform(view: LiveBoard): string {
  const rows = platformRows(view);
  const head = COMPONENT_KINDS.map((k) => `<th scope="col">${KIND_PLURAL[k]}</th>`).join("");
  const body = rows
    .map((row) => {
      const r = row.region;
      const name = row.watched
        ? `${icon(r.status, "size-3.5")}${esc(r.name)}<span class="sr-only">: ${STATUS_LABEL[r.status]}</span>`
        : `${icon("none", "size-3.5")}${esc(r.name)} <small>nothing monitored</small>`;
      return `<tr data-region="${esc(r.id)}"${row.watched ? "" : ' data-watched="false"'}><th scope="row"><span class="pf-region">${name}</span></th>${row.cells.map((c) => renderCell(c, r.name)).join("")}</tr>`;
    })
    .join("");
  return (
    `<h2 id="platform-title" class="board-h2">Platform <small>worst status of each kind of component, by region</small></h2>` +
    `<div class="pf-scroll"><table class="pf" aria-labelledby="platform-title"><thead><tr><th scope="col">Region</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`
  );
}
