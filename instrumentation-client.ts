/**
 * Runs in the browser as soon as Next's own script has loaded, before React is set up and hydrates
 * the page (Next's client instrumentation hook). On a page the server sent with the board in it,
 * the live board starts here, so its controls work without waiting for the whole page to hydrate.
 */
import { startServerBoard } from "@/components/board/live/start";

startServerBoard();
