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

/** Whether the parser has gone past `el`: something follows it, so its markup is all in. */
function parsedPast(el: HTMLElement): boolean {
  for (let n: HTMLElement | null = el; n && n !== document.body; n = n.parentElement)
    if (n.nextSibling) return true;
  return false;
}

/**
 * Starts the board the server put in the page as soon as its markup is all parsed, nothing
 * elsewhere. Next's script usually runs while the parser is still in the page (a board of 1,000
 * components takes a few hundred ms to parse): the parser's progress is watched, rather than
 * waiting for DOMContentLoaded, behind which React's hydration of the page comes first.
 */
export function startServerBoard(): void {
  const ready = () => {
    const root = document.getElementById("board-root");
    // Not there yet, or not all parsed: wait (on a page without a board, until it is loaded).
    if (document.readyState === "loading" && (!root || !parsedPast(root))) return false;
    if (root?.querySelector("#board")) startBoard(root);
    return true;
  };
  if (document.readyState !== "loading") {
    ready();
    return;
  }
  if (ready()) return;
  const watch = new MutationObserver(() => {
    if (ready()) stop();
  });
  const stop = () => {
    watch.disconnect();
    document.removeEventListener("DOMContentLoaded", onLoaded);
  };
  const onLoaded = () => {
    stop();
    ready();
  };
  watch.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", onLoaded);
}
