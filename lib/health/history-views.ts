/** Pure views of one service or one component, cut from the live board. No I/O. */
import { formatAge } from "../time";
import type { BoardView } from "./board-types";
import type { ComponentView, InstanceView, ServiceRef, ServiceView } from "./history-types";
import { STATUS_LABEL, type Status } from "../status/vocabulary";

const serviceRef = (board: BoardView, id: string): ServiceRef => {
  const s = board.services.find((x) => x.id === id);
  return { id, status: s?.status ?? "unknown", reason: s?.reason ?? null };
};

export function buildServiceView(board: BoardView, serviceId: string): ServiceView | null {
  const service = board.services.find((s) => s.id === serviceId);
  if (!service) return null;
  const regionName = (id: string) => board.regions.find((r) => r.id === id)?.name ?? id;
  const links = [
    ...service.components.filter((l) => l.role === "roles"),
    ...service.components.filter((l) => l.role !== "roles"),
  ];
  const components = links.flatMap((link) => {
    const c = board.components[link.id];
    if (!c) return [];
    return [
      {
        ...c,
        role: link.role,
        regionName: regionName(c.region),
        sharedWith: c.serviceIds
          .filter((id) => id !== serviceId)
          .map((id) => serviceRef(board, id)),
      },
    ];
  });
  const sinces = components.map((c) => c.since);
  return {
    generatedAt: board.generatedAt,
    demo: board.demo,
    service,
    regionName: regionName(service.region),
    since:
      sinces.length && sinces.every((s) => s !== null)
        ? sinces.reduce((a, b) => (Date.parse(b!) > Date.parse(a!) ? b : a))
        : null,
    components,
    impactedBy: service.impactedBy.map((id) => ({
      id,
      name: board.components[id]?.name ?? id,
      status: board.components[id]?.status ?? "unknown",
    })),
  };
}

/**
 * One component with its dependents. Instance states are shown as last reported, except while
 * the component's data is stale: then each is `unknown`, saying what it last was and how long ago.
 */
export function buildComponentView(
  board: BoardView,
  componentId: string,
  detail: { instances: InstanceView[]; checkedAt: Date | null } | null,
): ComponentView | null {
  const component = board.components[componentId];
  if (!component) return null;
  const regionName = (id: string) => board.regions.find((r) => r.id === id)?.name ?? id;
  const secondary = component.attributes.secondaryRegion;
  let instances: InstanceView[] | null = detail?.instances ?? null;
  if (instances && (component.stale || component.status === "unknown")) {
    const age = detail?.checkedAt
      ? ` ${formatAge(Date.parse(board.generatedAt) - detail.checkedAt.getTime())} ago`
      : "";
    instances = instances.map((i) => ({
      name: i.name,
      status: "unknown" as Status,
      reason: `no fresh data; last reported ${STATUS_LABEL[i.status].toLowerCase()}${age}`,
    }));
  }
  return {
    generatedAt: board.generatedAt,
    component,
    regionName: regionName(component.region),
    secondaryRegionName: secondary ? regionName(secondary) : null,
    instances,
    instancesReportedAt: detail?.checkedAt?.toISOString() ?? null,
    dependents: component.serviceIds.map((id) => serviceRef(board, id)),
  };
}
