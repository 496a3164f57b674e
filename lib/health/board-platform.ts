/**
 * The platform view: component kinds x regions, as the Azure status page shows products x
 * regions. Pure and client-safe: the server renders it and the browser re-computes it as its copy
 * of the board ages.
 */
import { COMPONENT_KINDS, type ComponentKind } from "../estate/types";
import type { LiveBoard, LiveComponent } from "./board-types";
import { worstOf, type Status } from "../status/vocabulary";

/** A kind in the plural, as the grid's columns and the lists count them. */
export const KIND_PLURAL: Record<ComponentKind, string> = {
  "role-instances": "Role instances",
  "tracking-database": "Tracking databases",
  storage: "Storage accounts",
  "access-control": "Access-control namespaces",
};

/** One kind in one region: the worst status of what serves there, and the counts behind it. */
export type PlatformCell = {
  kind: ComponentKind;
  region: string;
  /** `none`: nothing of this kind is watched there. `paused`: all of it is in services not serving. */
  status: Status | "none" | "paused";
  total: number;
  operational: number;
  /** Role instances of services that are not serving: counted apart, never as a status. */
  notServing: number;
  readFailed: number;
};

export type PlatformRow = {
  region: { id: string; name: string; status: Status };
  /** Whether anything at all is watched in the region: a region with nothing is never green. */
  watched: boolean;
  cells: PlatformCell[];
};

function cellOf(kind: ComponentKind, region: string, list: LiveComponent[]): PlatformCell {
  const serving = list.filter((c) => !c.serviceState);
  const status: PlatformCell["status"] =
    list.length === 0
      ? "none"
      : serving.length === 0
        ? "paused"
        : worstOf(serving.map((c) => c.status));
  return {
    kind,
    region,
    status,
    total: serving.length,
    operational: serving.filter((c) => c.status === "operational").length,
    notServing: list.length - serving.length,
    readFailed: list.filter((c) => c.lastFailure !== null && !c.stale).length,
  };
}

/** The grid's rows: one per region of the board, one cell per component kind. */
export function platformRows(view: Pick<LiveBoard, "components" | "regions">): PlatformRow[] {
  const byPlace = new Map<string, LiveComponent[]>();
  for (const id in view.components) {
    const c = view.components[id]!;
    const key = `${c.kind} ${c.region}`;
    (byPlace.get(key) ?? byPlace.set(key, []).get(key)!).push(c);
  }
  return view.regions.map((r) => {
    const cells = COMPONENT_KINDS.map((kind) =>
      cellOf(kind, r.id, byPlace.get(`${kind} ${r.id}`) ?? []),
    );
    return {
      region: { id: r.id, name: r.name, status: r.status },
      watched: cells.some((c) => c.status !== "none"),
      cells,
    };
  });
}

/** "2 of 3 operational", "1 of 1 operational, 1 not serving", "nothing monitored". */
export function platformCounts(cell: PlatformCell): string {
  if (cell.status === "none") return "nothing monitored";
  const parts: string[] = [];
  if (cell.total > 0) parts.push(`${cell.operational} of ${cell.total} operational`);
  if (cell.notServing > 0) parts.push(`${cell.notServing} not serving`);
  if (cell.readFailed > 0) parts.push(`${cell.readFailed} read failed`);
  return parts.join(", ");
}

/** The filtered list a platform cell links to. */
export const componentListHref = (kind: ComponentKind, region: string) =>
  `/components?kind=${encodeURIComponent(kind)}&region=${encodeURIComponent(region)}`;
