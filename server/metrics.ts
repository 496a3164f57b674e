/**
 * GET /metrics for Prometheus, answered before Next's router. STANDFAST_METRICS says who may read
 * it: `token` (default) wants an admin API token as `Authorization: Bearer`, since the figures
 * name every service and component; `public` anyone; `off` nobody (404).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { actorFromToken, hasRole } from "../lib/auth";
import type { Db } from "../lib/db";
import { METRICS_CONTENT_TYPE, renderMetrics } from "../lib/metrics";

export type MetricsMode = "public" | "token" | "off";

function text(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  res.end(`${body}\n`);
}

async function allowed(req: IncomingMessage, db: Db): Promise<"ok" | "missing" | "refused"> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return "missing";
  const actor = await actorFromToken(db, match[1]!);
  return actor && hasRole(actor, "admin") ? "ok" : "refused";
}

export function createMetricsRoute(options: { db: () => Db; mode: MetricsMode }) {
  return function metricsRoute(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics") return false;
    if (options.mode === "off") {
      text(res, 404, "Metrics are off on this server (STANDFAST_METRICS=off).");
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      text(res, 405, "/metrics answers GET and HEAD only.", { allow: "GET, HEAD" });
      return true;
    }
    const db = options.db();
    const check = options.mode === "public" ? Promise.resolve("ok" as const) : allowed(req, db);
    check
      .then(async (verdict) => {
        if (verdict === "missing")
          return text(
            res,
            401,
            "Send an admin API token as Authorization: Bearer <token> (or set STANDFAST_METRICS=public).",
            { "www-authenticate": 'Bearer realm="standfast metrics"' },
          );
        if (verdict === "refused")
          return text(res, 403, "This token may not read metrics: it needs the admin role.");
        const body = await renderMetrics(db);
        res.writeHead(200, {
          "content-type": METRICS_CONTENT_TYPE(),
          "cache-control": "no-store",
          "content-length": String(Buffer.byteLength(body)),
        });
        res.end(req.method === "HEAD" ? undefined : body);
      })
      .catch((error: Error) => {
        console.error(`[metrics] ${error.message}`);
        if (!res.headersSent)
          text(res, 503, "The status store cannot be read right now.", { "retry-after": "5" });
      });
    return true;
  };
}
