/** Client-safe shape of the live board, as pages render it and /api/board serves it. */
import type {
  ComponentAttributes,
  ComponentKind,
  Edition,
  Region,
  ServiceState,
} from "../estate/types";
import type { OverallIndicator, Status } from "../status/vocabulary";

// The pure rules the browser shares with the server, from this client-safe entry.
export { ageLiveBoard } from "./board-age";
export { isServing } from "./board-rollup";
export { componentListHref, KIND_PLURAL, platformCounts, platformRows } from "./board-platform";
export type { PlatformCell, PlatformRow } from "./board-platform";

export type BoardComponent = {
  id: string;
  name: string;
  kind: ComponentKind;
  region: string;
  status: Status;
  reason: string | null;
  /** ISO times. `since`: when the status began; `checkedAt`: the newest good reading. */
  since: string | null;
  checkedAt: string | null;
  /** The newest read when it failed after the newest good one: shown from the first failure. */
  lastFailure: { at: string; error: string } | null;
  latencyMs: number | null;
  stale: boolean;
  staleAfterMs: number;
  intervalMs: number;
  instances: { up: number; total: number } | null;
  /** Role instances of a service that is not serving (suspended, stopped, ...): its state, shown instead of a health claim. */
  serviceState: ServiceState | null;
  attributes: ComponentAttributes;
  /** Services that depend on this component. */
  serviceIds: string[];
};

export type BoardService = {
  id: string;
  edition: Edition;
  units: number;
  region: string;
  state: ServiceState;
  stateChangedAt: string;
  status: Status;
  reason: string | null;
  impactedBy: string[];
  components: { id: string; role: "roles" | "dependency" }[];
};

/**
 * Where the board's data comes from: when the store was last read, and since when it cannot be
 * (the board is then answered from the last reading, aged to the present).
 */
export type StoreState = { readAt: string; unreachableSince: string | null };

/** A region column: the worst status in it; `unknown`, never green, when nothing there is watched. */
export type BoardRegion = Region & { status: Status };

export type BoardView = {
  generatedAt: string;
  store: StoreState;
  demo: boolean;
  estateSource: string;
  overall: { indicator: OverallIndicator; description: string };
  poller: { running: boolean; lastBeatAt: string | null; beatEveryMs: number | null };
  regions: BoardRegion[];
  services: BoardService[];
  components: Record<string, BoardComponent>;
  /** Components by status, leaving out the role instances of services that are not serving. */
  counts: Record<Status, number>;
  /** Role-instance groups of services that are not serving: counted apart, never as a status. */
  notServing: number;
  refreshMs: number;
};

/** What the live board needs of a component: the grid, the banner and the CLI's status. */
export type LiveComponent = Pick<
  BoardComponent,
  | "id"
  | "name"
  | "kind"
  | "region"
  | "status"
  | "reason"
  | "since"
  | "checkedAt"
  | "lastFailure"
  | "stale"
  | "staleAfterMs"
  | "instances"
  | "serviceState"
>;
export type LiveBoard = Omit<BoardView, "components"> & {
  components: Record<string, LiveComponent>;
};

/** The board as browsers poll it: only what the grid draws, so a big estate stays small on the wire. */
export function toLiveBoard(view: BoardView): LiveBoard {
  const components: Record<string, LiveComponent> = {};
  for (const [id, c] of Object.entries(view.components)) {
    components[id] = {
      id,
      name: c.name,
      kind: c.kind,
      region: c.region,
      status: c.status,
      reason: c.reason,
      since: c.since,
      checkedAt: c.checkedAt,
      lastFailure: c.lastFailure,
      stale: c.stale,
      staleAfterMs: c.staleAfterMs,
      instances: c.instances,
      serviceState: c.serviceState,
    };
  }
  return { ...view, components };
}
