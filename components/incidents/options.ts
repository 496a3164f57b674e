import type { BoardView } from "@/lib/health/board-types";
import type { ComponentOption } from "./forms/component-picker";

/** Every component once, under the first service that uses it, in board order. */
export function componentOptions(
  board: Pick<BoardView, "services" | "components">,
): ComponentOption[] {
  const placed = new Set<string>();
  const out: ComponentOption[] = [];
  for (const s of board.services)
    for (const link of s.components) {
      const c = board.components[link.id];
      if (!c || placed.has(c.id)) continue;
      placed.add(c.id);
      out.push({ id: c.id, name: c.name, group: s.id });
    }
  return out;
}
