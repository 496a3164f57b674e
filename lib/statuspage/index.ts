import { KIND_LABEL } from "../estate/types";
import { isServing } from "../health";
import type { BoardView } from "../health/board-types";

/**
 * Statuspage API v2 documents (summary, status, components) from the board, with that API's
 * field names and status words, so existing Statuspage clients can read us. The one extension:
 * a component without fresh data reports "unknown", and the overall indicator may be "unknown".
 */
export type Page = {
  id: string;
  name: string;
  url: string;
  time_zone: "Etc/UTC";
  updated_at: string;
};

export type StatuspageComponent = {
  id: string;
  name: string;
  status: string;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  components?: string[];
};

export const PAGE_ID = "standfast";

/** The earliest or latest of some ISO times, or `fallback` when there are none. */
function pick(times: (string | null | undefined)[], latest: boolean, fallback: string): string {
  let best: string | null = null;
  for (const t of times) {
    if (!t) continue;
    if (
      best === null ||
      (latest ? Date.parse(t) > Date.parse(best) : Date.parse(t) < Date.parse(best))
    )
      best = t;
  }
  return best ?? fallback;
}

/**
 * Times come from the statuses themselves, never from when the board was built: a document that
 * changes only with the clock would change its ETag every second and defeat If-None-Match.
 */
const knownTimes = (view: BoardView) => [
  ...view.services.map((s) => s.stateChangedAt),
  ...Object.values(view.components).map((c) => c.since),
];

/**
 * The newest change the board knows of, never later than the store's last reading: while the
 * store cannot be read, the page stays at the last good time however its statuses age.
 */
export function page(view: BoardView, url: string): Page {
  const newest = pick(knownTimes(view), true, view.generatedAt);
  const readAt = view.store.readAt;
  return {
    id: PAGE_ID,
    name: "Standfast",
    url,
    time_zone: "Etc/UTC",
    updated_at: Date.parse(newest) > Date.parse(readAt) ? readAt : newest,
  };
}

const clock = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** Beside the status: why, a failing read (from its first failure), who shares it, a stopped service. */
function describe(c: BoardView["components"][string]): string {
  const notes = [c.reason];
  if (c.serviceState) notes.push(`service ${c.serviceState.replace(/_/g, " ")}, not serving`);
  if (c.lastFailure && !c.stale)
    notes.push(`last read failed at ${clock(c.lastFailure.at)}: ${c.lastFailure.error}`);
  if (c.serviceIds.length > 1) notes.push(`shared by ${c.serviceIds.join(", ")}`);
  const text = notes.filter(Boolean).join("; ");
  return `${KIND_LABEL[c.kind]} in ${c.region}${text ? `: ${text}` : ""}`;
}

/** Services become component groups; each component sits in the first service that uses it. */
export function components(view: BoardView): StatuspageComponent[] {
  const out: StatuspageComponent[] = [];
  const placed = new Set<string>();
  // No creation times are kept; the earliest time the board knows of is stable and not in the future.
  const created = pick(knownTimes(view), false, view.generatedAt);
  let position = 1;
  for (const s of view.services) {
    const children: StatuspageComponent[] = [];
    for (const link of s.components) {
      const c = view.components[link.id];
      if (!c) continue;
      if (placed.has(c.id)) continue;
      placed.add(c.id);
      children.push({
        id: c.id,
        name: c.name,
        status: c.status,
        created_at: created,
        updated_at: c.since ?? created,
        position: 0,
        description: describe(c),
        showcase: false,
        start_date: null,
        group_id: s.id,
        page_id: PAGE_ID,
        group: false,
        only_show_if_degraded: false,
      });
    }
    out.push({
      id: s.id,
      name: s.id,
      status: s.status,
      created_at: created,
      updated_at: pick(
        [s.stateChangedAt, ...s.components.map((c) => view.components[c.id]?.since)],
        true,
        s.stateChangedAt,
      ),
      position: position++,
      description: `${s.edition} edition, ${s.units} unit(s), ${s.region}, ${s.state.replace(/_/g, " ")}${isServing(s.state) ? "" : " (not serving)"}${s.reason ? `: ${s.reason}` : ""}`,
      showcase: true,
      start_date: null,
      group_id: null,
      page_id: PAGE_ID,
      group: true,
      only_show_if_degraded: false,
      components: s.components.map((c) => c.id),
    });
    for (const child of children) out.push({ ...child, position: position++ });
  }
  return out;
}

export const statusDocument = (view: BoardView, url: string) => ({
  page: page(view, url),
  status: view.overall,
});
export const componentsDocument = (view: BoardView, url: string) => ({
  page: page(view, url),
  components: components(view),
});
/** `open`: the unresolved incidents and the active and upcoming maintenance (lib/statuspage/incidents.ts). */
export const summaryDocument = (
  view: BoardView,
  url: string,
  open: { incidents: unknown[]; scheduled_maintenances: unknown[] } = {
    incidents: [],
    scheduled_maintenances: [],
  },
) => ({
  page: page(view, url),
  components: components(view),
  incidents: open.incidents,
  scheduled_maintenances: open.scheduled_maintenances,
  status: view.overall,
});

/** The incident and maintenance documents of the Statuspage v2 API, by name. */
export * as incidentDocuments from "./incidents";
