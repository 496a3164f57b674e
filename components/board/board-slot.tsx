import { BOARD_SLOT_MARKER } from "./slot-marker";

/**
 * Where the board's markup goes. The custom server puts the board, rendered once per snapshot, in
 * place of the marker (server/board-page.ts); React leaves an element's own inner HTML alone when
 * it hydrates, so the board is sent once, not again in the page's hydration data. After a
 * client-side navigation the slot holds only the marker, and the live board draws itself.
 */
export function BoardSlot() {
  return <div id="board-root" dangerouslySetInnerHTML={{ __html: BOARD_SLOT_MARKER }} />;
}
