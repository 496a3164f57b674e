import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import next from "next";
import { mayReadBoardWith, setClientAddress, trustedProxyList } from "../lib/auth";
import { guardConsole, logger } from "../lib/log";
import { boot, isConfigurationError, type Runtime } from "./boot";
import { createBoardPage } from "./board-page";
import { createComponentListCheck } from "./component-list-check";
import { createFastRoutes } from "./fast-routes";
import { loopbackBase } from "./next-render";

// Before anything prints: no secret reaches the server's output, whoever prints it.
guardConsole();
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
  const passToNext = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const boardPage = createBoardPage({
    db: () => runtime.database.db,
    base: () => loopback,
    publicBoard: settings.STANDFAST_PUBLIC_BOARD === "on",
    passToNext,
  });
  const componentList = createComponentListCheck({ db: () => runtime.database.db, passToNext });
  const trustedProxies = trustedProxyList(settings.STANDFAST_TRUSTED_PROXIES);

  const server = createServer((req, res) => {
    setClientAddress(req, trustedProxies);
    if (!fastRoute(req, res) && !boardPage(req, res) && !componentList(req, res))
      passToNext(req, res);
  });
  server.keepAliveTimeout = 65_000;
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
