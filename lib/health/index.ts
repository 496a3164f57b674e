import "server-only";
import { getDb, type Db } from "../db";
import { getSettings } from "../settings";
import { getSnapshot, type Snapshot } from "./snapshot";
import { readInstanceDetail } from "./history";
import { buildComponentView, buildServiceView } from "./history-views";

export { Poller, POLLER_LEASE } from "./poller";
export { injectFault, clearFaults, listFaults, FaultInput } from "./faults";
export { invalidateSnapshot, type Snapshot } from "./snapshot";
export { readLease, leaseAlive } from "./lease";
export { readMaintenanceInForce } from "./maintenance-in-force";
export { overlayMaintenance, type MaintenanceInForce } from "./maintenance-overlay";
export { observePollRead, setPollObserver, type PollObserver } from "./poll-observer";
export type { BoardView, BoardComponent, BoardService } from "./board-types";
export * from "../status/vocabulary";

/** The live board snapshot (estate x current statuses), shared by pages and the API. */
export async function getBoardSnapshot(db?: Db): Promise<Snapshot> {
  return getSnapshot(db ?? (await getDb()), { refreshMs: getSettings().STANDFAST_BOARD_REFRESH });
}

export async function getBoard(db?: Db) {
  return (await getBoardSnapshot(db)).view;
}

export { backfillDemoHistory } from "./demo-history";
export {
  componentListProblem,
  listComponents,
  parseComponentListQuery,
  type ComponentListPage,
  type ComponentListQuery,
} from "./component-list";
export {
  parseHistoryRange,
  readComponentSeries,
  readStatusChanges,
  readUptime,
  type ReadOptions,
} from "./history";
export * from "./history-types";

/** One service from the live board: its components (role instances first) and who shares them. Null if unknown. */
export async function getServiceView(serviceId: string, db?: Db) {
  return buildServiceView(await getBoard(db), serviceId);
}

/** One component from the live board, with its per-instance states and dependents. Null if unknown. */
export async function getComponentView(componentId: string, db?: Db) {
  const board = await getBoard(db);
  // Own keys only: an id such as "constructor" names no component.
  if (!Object.hasOwn(board.components, componentId)) return null;
  return buildComponentView(board, componentId, await readInstanceDetail(componentId, { db }));
}
export { isServing } from "./board-rollup";
export { effectiveStatus } from "./rollup";
