import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import path from "node:path";
import next from "next";
import { mayReadBoardWith, setClientAddress, trustedProxyList } from "../lib/auth";
import { STORE_UNREACHABLE_MESSAGE } from "../lib/errors";
import { setForwardedOrigin } from "../lib/request/server";
import { checkRequestTarget, STORE_RETRY_AFTER_SECONDS } from "../lib/request";
import { guardConsole, logger } from "../lib/log";
import { boot, isConfigurationError, type Runtime } from "./boot";
import { createBoardPage } from "./board-page";
import { loadBoardLiveScript, type BoardLiveScript } from "./board-live-script";
import { createStaticAssets } from "./static-assets";
import { createComponentListCheck } from "./component-list-check";
import { answerClientError, sendRefusal } from "./error-pages";
import { createFastRoutes } from "./fast-routes";
import { loopbackBase } from "./next-render";
import { createBadgeRoutes } from "./badges";
import { createMetricsRoute } from "./metrics";
import { actionIdsOf, guardRequest } from "./request-guard";
import { createStoreGate } from "./store-gate";
import { favourSmallHeap } from "./small-heap";

// Before anything prints: no secret reaches the server's output, whoever prints it.
guardConsole();
favourSmallHeap();
const log = logger("standfast");

async function main() {
  const dev = process.argv.includes("--dev");
  let runtime: Runtime;
  try {
    runtime = await boot();
  } catch (error) {
    if (isConfigurationError(error)) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // After the configuration's checks, which name what the operator must fix first.
  let boardLive: BoardLiveScript;
  try {
    boardLive = loadBoardLiveScript();
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    await runtime.stop();
    process.exit(1);
  }
  const { settings } = runtime;
  const app = next({ dev, dir: process.cwd(), hostname: settings.HOST, port: settings.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const publicUrl = settings.STANDFAST_PUBLIC_URL ?? `http://localhost:${settings.PORT}`;
  const fastRoute = createFastRoutes({
    db: () => runtime.database.db,
    publicUrl,
    authorize:
      settings.STANDFAST_PUBLIC_BOARD === "on"
        ? undefined
        : (req) => mayReadBoardWith(headersOf(req.headers)),
  });
  let loopback = `http://127.0.0.1:${settings.PORT}`;
  const boardPage = createBoardPage({
    liveScript: boardLive.inline,
    db: () => runtime.database.db,
    base: () => loopback,
    publicBoard: settings.STANDFAST_PUBLIC_BOARD === "on",
    passToNext,
  });
  const componentList = createComponentListCheck({ db: () => runtime.database.db, passToNext });
  const trustedProxies = trustedProxyList(settings.STANDFAST_TRUSTED_PROXIES);
  const badgeRoute = createBadgeRoutes({
    db: () => runtime.database.db,
    maxAgeSeconds: Math.ceil(settings.STANDFAST_BOARD_REFRESH / 1000),
    authorize:
      settings.STANDFAST_PUBLIC_BOARD === "on"
        ? undefined
        : (req) => mayReadBoardWith(headersOf(req.headers)),
  });
  const metricsRoute = createMetricsRoute({
    db: () => runtime.database.db,
    mode: settings.STANDFAST_METRICS,
  });

  const staticAsset = dev
    ? null
    : createStaticAssets(path.join(process.cwd(), process.env.STANDFAST_NEXT_DIR || ".next"));
  const storeReachable = createStoreGate(() => runtime.database.db);
  // In development actions are compiled as they are first used: their ids are not known ahead.
  const knownActions = dev
    ? () => null
    : actionIdsOf(path.join(process.cwd(), process.env.STANDFAST_NEXT_DIR || ".next"));

  /** Everything that is not a hot JSON route: guarded, then Next, while the store answers. */
  async function toNext(req: IncomingMessage, res: ServerResponse) {
    const guarded = await guardRequest(req, res, {
      knownActions,
      publicUrl: settings.STANDFAST_PUBLIC_URL,
    });
    if (!guarded) return;
    if (!isStaticAsset(req.url) && !(await storeReachable())) {
      sendRefusal(req, res, 503, STORE_UNREACHABLE_MESSAGE, {
        retryAfter: STORE_RETRY_AFTER_SECONDS,
        pageText:
          "Standfast cannot read its status store right now, so it cannot show this page. Nothing you did caused this.",
      });
      return;
    }
    await handle(guarded, res);
  }

  /** Next, behind the guards; the board page and the component list fall back to it too. */
  function passToNext(req: IncomingMessage, res: ServerResponse) {
    toNext(req, res).catch((error: Error) => {
      console.error(error);
      if (!res.headersSent)
        sendRefusal(req, res, 500, "Unexpected server error; it is in the server log.");
      else res.destroy();
    });
  }

  const server = createServer((req, res) => {
    setClientAddress(req, trustedProxies);
    setForwardedOrigin(req, trustedProxies);
    if (staticAsset?.(req, res, passToNext)) return;
    if (boardLive.route(req, res)) return;
    if (fastRoute(req, res) || badgeRoute(req, res) || metricsRoute(req, res)) return;
    // A malformed target goes to the guard, which refuses it with a 400.
    const wellFormed = checkRequestTarget(req.url ?? "/") === null;
    if (wellFormed && (boardPage(req, res) || componentList(req, res))) return;
    passToNext(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.on("clientError", answerClientError);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `\nPort ${settings.PORT} is in use: stop what uses it, or set PORT to another port.\n`
        : error.message,
    );
    void runtime.stop().finally(() => process.exit(1));
  });
  // A crowd opening the board at once: room for a thousand connections waiting to be accepted.
  server.listen({ port: settings.PORT, host: settings.HOST, backlog: 2048 }, () => {
    const address = server.address();
    if (address && typeof address === "object")
      loopback = loopbackBase(address.address, address.port);
    log.info(`ready on ${publicUrl}${dev ? " (development)" : ""}`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    server.close();
    server.closeIdleConnections();
    const force = setTimeout(() => process.exit(0), 5_000);
    force.unref();
    void runtime
      .stop()
      .then(() => app.close?.())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

const PUBLIC_FILES = new Set(["/favicon.svg", "/favicon.ico", "/og.png", "/screenshot.png"]);

/** Next's build output and public/'s files: served from files, never from the store. */
function isStaticAsset(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0]!;
  return path.startsWith("/_next/static/") || PUBLIC_FILES.has(path);
}

function headersOf(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return headers;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
