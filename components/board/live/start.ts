/**
 * One live board per page. On a page the server sent with the board in it, the board goes live as
 * soon as the app's script runs (instrumentation-client.ts calls `startServerBoard`), not after
 * React has hydrated the whole page; BoardLive then adopts it and hands it the router. After a
 * client-side navigation to the board, BoardLive starts it itself.
 */
import { BoardController } from "./controller";

let current: BoardController | null = null;

/** The live board on `root`: the one already running there, or a new one started now. */
export function startBoard(root: HTMLElement): BoardController {
  if (current?.root === root) return current;
  current?.stop();
  current = new BoardController(root);
  current.start();
  return current;
}

/** Stops the live board on `root`, when its page is left. */
export function stopBoard(root: HTMLElement): void {
  if (current?.root !== root) return;
  current.stop();
  current = null;
}

/** The board is complete once its last element (the tooltip) has been parsed. */
const complete = (root: HTMLElement) =>
  document.readyState !== "loading" || root.querySelector('[data-testid="cell-tip"]') !== null;

/** Starts the board the server put in the page, once its markup is all parsed; nothing elsewhere. */
export function startServerBoard(): void {
  const go = () => {
    const root = document.getElementById("board-root");
    if (root?.querySelector("#board")) startBoard(root);
  };
  const root = document.getElementById("board-root");
  if (!root) return;
  if (complete(root)) go();
  else document.addEventListener("DOMContentLoaded", go, { once: true });
}
