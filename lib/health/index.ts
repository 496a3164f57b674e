import "server-only";
import { getDb, type Db } from "../db";
import { getSettings } from "../settings";
import { getSnapshot, type Snapshot } from "./snapshot";

export { Poller, POLLER_LEASE } from "./poller";
export { injectFault, clearFaults, listFaults, FaultInput } from "./faults";
export { invalidateSnapshot, type Snapshot } from "./snapshot";
export { readLease, leaseAlive } from "./lease";
export type { BoardView, BoardComponent, BoardService } from "./board-types";
export * from "./vocabulary";

/** The live board snapshot (estate x current statuses), shared by pages and the API. */
export async function getBoardSnapshot(db?: Db): Promise<Snapshot> {
  return getSnapshot(db ?? (await getDb()), { refreshMs: getSettings().STANDFAST_BOARD_REFRESH });
}

export async function getBoard(db?: Db) {
  return (await getBoardSnapshot(db)).view;
}
