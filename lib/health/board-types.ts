/** Client-safe shape of the live board, as pages render it and /api/board serves it. */
import type {
  ComponentAttributes,
  ComponentKind,
  Edition,
  Region,
  ServiceState,
} from "../estate/types";
import type { OverallIndicator, Status } from "./vocabulary";

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
  latencyMs: number | null;
  stale: boolean;
  staleAfterMs: number;
  intervalMs: number;
  instances: { up: number; total: number } | null;
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

export type BoardView = {
  generatedAt: string;
  demo: boolean;
  estateSource: string;
  overall: { indicator: OverallIndicator; description: string };
  poller: { running: boolean; lastBeatAt: string | null; beatEveryMs: number | null };
  regions: (Region & { status: Status })[];
  services: BoardService[];
  components: Record<string, BoardComponent>;
  counts: Record<Status, number>;
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
  | "stale"
  | "instances"
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
      stale: c.stale,
      instances: c.instances,
    };
  }
  return { ...view, components };
}
