/** The target regions the new-restore form offers, each with the status the pre-flight judges. */
import type { BoardView } from "@/lib/health/board-types";
import { worstOf, type Status } from "@/lib/status/vocabulary";

export type RegionOption = { id: string; name: string; status: Status; healthy: boolean };

/** The statuses the pre-flight accepts for a target region. */
const HEALTHY: readonly Status[] = ["operational", "degraded_performance"];

/**
 * The pre-flight's rule (lib/restores regionHealth), applied to the board the page rendered:
 * the worst status of the region's components that have been read; a region with none read is
 * unknown, never healthy. Kept beside the form until lib/restores exports its own.
 */
export function regionOptions(board: Pick<BoardView, "regions" | "components">): RegionOption[] {
  const read = new Map<string, Status[]>();
  for (const c of Object.values(board.components))
    if (c.checkedAt !== null)
      (read.get(c.region) ?? read.set(c.region, []).get(c.region)!).push(c.status);
  return board.regions.map((r) => {
    const status = worstOf(read.get(r.id) ?? []);
    return { id: r.id, name: r.name, status, healthy: HEALTHY.includes(status) };
  });
}
