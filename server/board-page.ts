import { createHash } from "node:crypto";
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback, gzipSync } from "node:zlib";
import { renderBoard, SERVER_STATE } from "../components/board/markup/board";
import { BOARD_SLOT_MARKER } from "../components/board/slot-marker";
import type { Db } from "../lib/db";
import { getBoardSnapshot, type Snapshot } from "../lib/health";
import { logger } from "../lib/log";
import { createShellCache } from "./board-shell";
import { accepts, sendBody, sendTagged } from "./conditional";
import { isOwnRender, renderThroughNext, type Rendered } from "./next-render";
import { holdNextScripts } from "./next-scripts";

const log = logger("board");
const gzip = promisify(gzipCallback);

type Variant = "all" | "problems";
type Page = {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  headers: Record<string, string>;
  /** How long this version took to make: the board's markup in Next's page around it (kept while its notices hold). */
  renderMs: number;
  builtAt: number;
};
/** The previous page answers while the next is made, unless it is older than this. */
const PREVIOUS_AT_MOST_MS = 10_000;
type Slot = { snapshot: Snapshot | null; page: Page | null; pending: Promise<Page> | null };

/** Headers of Next's answer that must not be replayed: per-connection, per-body, or per-person. */
const NOT_REPLAYED = new Set([
  "set-cookie",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
]);
/** Request headers not forwarded when Next renders a signed-in reader's page. */
const NOT_FORWARDED = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "accept-encoding",
  "if-none-match",
  "if-modified-since",
  "range",
]);
const NEXT_DATA_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
];
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?standfast\.session_token=/;

/** A request for Next's own data (a client-side navigation or prefetch), not for the page. */
const isNextData = (req: IncomingMessage, params: URLSearchParams) =>
  params.has("_rsc") || NEXT_DATA_HEADERS.some((h) => req.headers[h] !== undefined);

/** Whether the page may be personal: a session cookie or an API token (the header names the user). */
const mayBePersonal = (headers: IncomingHttpHeaders) =>
  headers.authorization !== undefined || SESSION_COOKIE.test(headers.cookie ?? "");

function replayable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !NOT_REPLAYED.has(name))
      out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

/** The board's markup for one snapshot, made once per snapshot and filter. */
const markups = new WeakMap<Snapshot, Partial<Record<Variant, string>>>();
function markupOf(snapshot: Snapshot, variant: Variant): string {
  const made = markups.get(snapshot) ?? {};
  markups.set(snapshot, made);
  // The snapshot's view has all the live board has; the markup's types let it read nothing more.
  return (made[variant] ??= renderBoard(snapshot.view, {
    ...SERVER_STATE,
    problemsOnly: variant === "problems",
  }));
}

/**
 * Next's page with the board's markup in its slot, followed there by the live board's script
 * inline (it starts the board as soon as it is parsed) and the loader of Next's own scripts, which
 * adds them once the board is drawn (next-scripts.ts); null when the page has no slot (a redirect,
 * an error).
 */
function withBoard(shell: Rendered, markup: () => string, liveScript: string): string | null {
  if (shell.status !== 200) return null;
  const { html, loader } = holdNextScripts(shell.body.toString("utf8"));
  const at = html.indexOf(BOARD_SLOT_MARKER);
  if (at === -1) return null;
  return (
    html.slice(0, at) +
    markup() +
    `<script>${liveScript}</script>` +
    loader +
    html.slice(at + BOARD_SLOT_MARKER.length)
  );
}

/**
 * The board page `/`, answered by the custom server so a crowd costs little: for anonymous readers
 * of a public board, the whole page is made once per snapshot of the board (the board's markup in
 * Next's page, which is asked of Next again only when its notices change: board-shell.ts),
 * compressed and tagged once, and every request until the next snapshot gets those
 * bytes or a 304. One render per snapshot however many requests miss at once; while the next one
 * is made, the previous page answers. Signed-in readers get Next's page rendered for them (their
 * name in the header, Next's own access check) with the same cached markup in it. Everything else
 * (Next's navigation data, other methods, a private board's visitors) goes on to Next.
 */
export function createBoardPage(options: {
  db: () => Db;
  /** This server over loopback, for asking Next for the page around the board. */
  base: () => string;
  publicBoard: boolean;
  passToNext: (req: IncomingMessage, res: ServerResponse) => void;
  /** The live board's script, safe to put inline (board-live-script.ts). */
  liveScript: string;
}) {
  // Next's page around the board, asked again only when the notices in it change.
  const shellOf = createShellCache({
    db: options.db,
    render: (path) => renderThroughNext(options.base(), path, { accept: "text/html" }),
  });
  const slots: Record<Variant, Slot> = {
    all: { snapshot: null, page: null, pending: null },
    problems: { snapshot: null, page: null, pending: null },
  };

  async function make(snapshot: Snapshot, variant: Variant): Promise<Page> {
    const started = performance.now();
    const shell = await shellOf(variant === "problems" ? "/?problems=1" : "/");
    const html = withBoard(shell, () => markupOf(snapshot, variant), options.liveScript);
    if (html === null)
      throw new Error(`Next answered the board page with HTTP ${shell.status} and no board slot`);
    const body = Buffer.from(html);
    // Made once per snapshot: compressed at once (about 7 ms for a 1 MB page), not on the thread
    // pool, where its answer would wait behind whatever the event loop is doing.
    const zipped = gzipSync(body, { level: 6 });
    const renderMs = performance.now() - started;
    return {
      body,
      gzip: zipped,
      etag: `W/"${createHash("sha1").update(body).digest("base64url")}"`,
      headers: {
        ...replayable(shell.headers),
        // The same for every anonymous reader: a browser may keep it, and must ask again each time.
        "cache-control": "private, no-cache",
        vary: `${shell.headers.vary ? `${shell.headers.vary}, ` : ""}Cookie, Authorization`,
        "server-timing": `render;dur=${renderMs.toFixed(1)}`,
      },
      renderMs,
      builtAt: Date.now(),
    };
  }

  /** The page for this snapshot: made once, whoever asks first; the previous one while it is made. */
  function pageFor(snapshot: Snapshot, variant: Variant): Promise<Page> {
    const slot = slots[variant];
    if (slot.page && slot.snapshot === snapshot) return Promise.resolve(slot.page);
    if (!slot.pending) {
      slot.pending = make(snapshot, variant)
        .then((page) => {
          slot.page = page;
          slot.snapshot = snapshot;
          return page;
        })
        .finally(() => (slot.pending = null));
      // A failure is reported to the requests waiting for it; nobody else waits for it.
      slot.pending.catch(() => {});
    }
    const previous = slot.page;
    return previous && Date.now() - previous.builtAt < PREVIOUS_AT_MOST_MS
      ? Promise.resolve(previous)
      : slot.pending;
  }

  async function serveCached(req: IncomingMessage, res: ServerResponse, variant: Variant) {
    const page = await pageFor(await getBoardSnapshot(options.db()), variant);
    sendTagged(req, res, page.headers, page);
  }

  async function servePersonal(req: IncomingMessage, res: ServerResponse, variant: Variant) {
    const forwarded: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined && !NOT_FORWARDED.has(name)) forwarded[name] = value;
    const shell = await renderThroughNext(options.base(), req.url ?? "/", forwarded);
    // Next checked who may see the board: only its page with the slot gets the board in it.
    const snapshot = shell.status === 200 ? await getBoardSnapshot(options.db()) : null;
    const html =
      snapshot && withBoard(shell, () => markupOf(snapshot, variant), options.liveScript);
    const cookies = shell.headers["set-cookie"];
    const headers: OutgoingHttpHeaders = {
      ...replayable(shell.headers),
      ...(cookies ? { "set-cookie": cookies } : {}),
    };
    if (!html) {
      sendBody(req, res, shell.status, headers, shell.body, null);
      return;
    }
    const body = Buffer.from(html);
    const gz = accepts(req.headers["accept-encoding"], "gzip")
      ? await gzip(body, { level: 6 })
      : null;
    sendBody(req, res, 200, headers, body, { gzip: gz });
  }

  /** Answers `/` and returns true, or returns false to pass the request on. */
  return function boardPage(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    if ((q === -1 ? url : url.slice(0, q)) !== "/") return false;
    if ((req.method !== "GET" && req.method !== "HEAD") || isOwnRender(req.headers)) return false;
    const params = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
    if (isNextData(req, params)) return false;
    const variant: Variant = params.get("problems") === "1" ? "problems" : "all";
    const personal = mayBePersonal(req.headers);
    // A private board's visitors: Next sends them to sign in.
    if (!personal && !options.publicBoard) return false;
    (personal ? servePersonal(req, res, variant) : serveCached(req, res, variant)).catch(
      (error: Error) => {
        log.error(`board page: ${error.message}; Next answers instead`);
        if (!res.headersSent) options.passToNext(req, res);
        else res.destroy();
      },
    );
    return true;
  };
}
