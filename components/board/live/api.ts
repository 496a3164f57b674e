/**
 * What the live board's own script (./start.ts) offers the rest of the page, on `window` under
 * `Symbol.for(BOARD_LIVE_KEY)`. Types only here, and the key: Next's bundle imports this file, not
 * the controller, so the board's code is sent once.
 */
export const BOARD_LIVE_KEY = "standfast.board-live";
/** Where the server serves the live board's script, for pages that did not come with it inline. */
export const BOARD_LIVE_PATH = "/_standfast/board-live.js";

export interface BoardLiveHandle {
  /** Client-side navigation for the board's links, once the app's router runs (null: plain links). */
  navigateWith(navigate: ((href: string) => void) | null): void;
}

export interface BoardLiveApi {
  /** The live board on `root`: the one already running there, or a new one started now. */
  start(root: HTMLElement): BoardLiveHandle;
  /** Stops the live board on `root`, when its page is left. */
  stop(root: HTMLElement): void;
}

const holder = () => window as unknown as Record<symbol, BoardLiveApi | undefined>;

/** The live board's interface, once its script has run in this page. */
function current(): BoardLiveApi | undefined {
  return holder()[Symbol.for(BOARD_LIVE_KEY)];
}

/**
 * Called by the live board's script: leaves its interface for the page, unless a copy that ran
 * earlier (the inline one, before the file after a navigation) is already in charge.
 */
export function offerBoardLive(api: BoardLiveApi): boolean {
  if (current()) return false;
  holder()[Symbol.for(BOARD_LIVE_KEY)] = api;
  return true;
}

let loading: Promise<BoardLiveApi> | null = null;

/**
 * The live board's interface: at once when its script came inline with the page, or after loading
 * the script (a client-side navigation to the board). A failed load may be tried again.
 */
export function loadBoardLive(): Promise<BoardLiveApi> {
  const ready = current();
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<BoardLiveApi>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = BOARD_LIVE_PATH;
    script.async = true;
    script.onload = () => {
      const api = current();
      if (api) resolve(api);
      else reject(new Error("the live board's script ran but did not start"));
    };
    script.onerror = () => reject(new Error("the live board's script could not be loaded"));
    document.head.appendChild(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
