/** Pure: stored incidents and maintenance as pages show them, with names and statuses from the board. */
import type { BoardView } from "../health/board-types";
import type { IncidentView, MaintenanceView } from "./incident-types";
import type { IncidentRecord, MaintenanceRecord } from "./records";

type Components = Pick<BoardView, "components">;

const unique = (values: string[]) => [...new Set(values)];

export function toIncidentView(r: IncidentRecord, board: Components): IncidentView {
  const components = r.components.map((c) => {
    const live = board.components[c.componentId];
    return {
      id: c.componentId,
      name: live?.name ?? c.componentId,
      region: live?.region ?? "",
      serviceIds: live?.serviceIds ?? [],
      status: live?.status ?? "unknown",
      worstStatus: c.worstStatus,
      failingSince: c.failingSince,
      healthySince: c.healthySince,
      addedBy: c.addedBy,
      removed: c.removed,
    };
  });
  const active = components.filter((c) => !c.removed);
  return {
    ...r,
    components,
    regions: unique(active.map((c) => c.region).filter(Boolean)),
    serviceIds: unique(active.flatMap((c) => c.serviceIds)),
  };
}

export function toMaintenanceView(m: MaintenanceRecord, board: Components): MaintenanceView {
  return {
    ...m,
    components: m.componentIds.map((id) => {
      const live = board.components[id];
      return {
        id,
        name: live?.name ?? id,
        region: live?.region ?? "",
        serviceIds: live?.serviceIds ?? [],
      };
    }),
  };
}

/** Which maintenance is in force, upcoming, or done, at `now`. */
export const isActiveMaintenance = (m: { status: string }) =>
  m.status === "in_progress" || m.status === "verifying";
export const isUpcomingMaintenance = (m: { status: string }) => m.status === "scheduled";
