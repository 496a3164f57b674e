/** The comment the page's board slot holds until the server puts the board in its place. */
export const BOARD_SLOT_MARKER = "<!--standfast:board-->";
