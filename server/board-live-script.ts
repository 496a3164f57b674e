/**
 * The live board's own script (dist/board-live.js, built by scripts/build-server.mjs from
 * components/board/live/start.ts): read once at start, put inline in the board page
 * (board-page.ts), and served at BOARD_LIVE_PATH for pages that reach the board by a client-side
 * navigation. Served with its tag and `no-cache`: the name stays, the build may change it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BOARD_LIVE_PATH } from "../components/board/live/api";
import { sendTagged } from "./conditional";

export interface BoardLiveScript {
  /** The script, safe to put between `<script>` and `</script>`. */
  inline: string;
  /** Answers GET and HEAD of BOARD_LIVE_PATH and returns true, or returns false. */
  route(req: IncomingMessage, res: ServerResponse): boolean;
}

export const BOARD_LIVE_FILE = path.join("dist", "board-live.js");

/** `code` as it may stand inside an inline script: no `</script` or `<!--` the parser would see. */
export function inlineSafe(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

export function loadBoardLiveScript(
  file = path.join(process.cwd(), BOARD_LIVE_FILE),
): BoardLiveScript {
  let body: Buffer;
  try {
    body = fs.readFileSync(file);
  } catch {
    throw new Error(
      `The live board's script ${file} is missing: build the app first (npm run build).`,
    );
  }
  const doc = {
    body,
    gzip: gzipSync(body, { level: 9 }),
    etag: `W/"${createHash("sha1").update(body).digest("base64url")}"`,
  };
  const headers = {
    "content-type": "application/javascript; charset=utf-8",
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    vary: "Accept-Encoding",
  };
  return {
    inline: inlineSafe(body.toString("utf8")),
    route(req, res) {
      const url = req.url ?? "";
      const q = url.indexOf("?");
      if ((q === -1 ? url : url.slice(0, q)) !== BOARD_LIVE_PATH) return false;
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      sendTagged(req, res, headers, doc);
      return true;
    },
  };
}
