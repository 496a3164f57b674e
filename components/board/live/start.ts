/**
 * The live board's own script (built on its own into dist/board-live.js; see
 * scripts/build-server.mjs), apart from Next's. On a page the server sent with the board in it, the
 * server puts this script inline at the end of the board's slot (server/board-page.ts): it runs as
 * soon as the parser reaches it, so the board is live before Next's scripts have run or React has
 * hydrated the page. It also leaves its small interface on `window` (see ./api.ts), through which
 * the page's React part hands it the router, and starts it after a client-side navigation.
 */
import { offerBoardLive, type BoardLiveApi } from "./api";
import { BoardController } from "./controller";

let current: BoardController | null = null;

const api: BoardLiveApi = {
  start(root) {
    if (current?.root === root) return current;
    current?.stop();
    current = new BoardController(root);
    current.start();
    return current;
  },
  stop(root) {
    if (current?.root !== root) return;
    current.stop();
    current = null;
  },
};

if (offerBoardLive(api)) {
  // Inline at the end of the board's slot: everything before it in the slot is parsed.
  const root = document.currentScript?.parentElement;
  if (root?.id === "board-root" && root.querySelector("#board")) api.start(root);
}
