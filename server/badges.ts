/**
 * SVG status badges for the page, a service and a component, answered before Next's router from
 * the board's shared snapshot: stale data is `unknown` there, so a badge never stays green on
 * old data. Each badge is made once per snapshot and carries an ETag; a private board's badges
 * need the same viewer session or token as its JSON.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../lib/db";
import { getBoardSnapshot, type Snapshot } from "../lib/health";
import { INDICATOR_STATUS, plainBadge, statusBadge } from "./badge-svg";

type Made = { status: number; svg: string } | null;

/** The badge a path names, from a snapshot; null when the path is not a badge at all. */
function makeBadge(path: string, snapshot: Snapshot): Made {
  const { view } = snapshot;
  if (path === "/badge.svg")
    return { status: 200, svg: statusBadge("status", INDICATOR_STATUS[view.overall.indicator]) };
  const match = /^\/badge\/(services|components)\/([^/]+)\.svg$/.exec(path);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[2]!);
  } catch {
    return { status: 400, svg: plainBadge("badge", "bad address") };
  }
  if (match[1] === "services") {
    const service = view.services.find((s) => s.id === id);
    return service
      ? { status: 200, svg: statusBadge(service.id, service.status) }
      : { status: 404, svg: plainBadge(id, "no such service") };
  }
  const component = view.components[id];
  return component
    ? { status: 200, svg: statusBadge(component.name, component.status) }
    : { status: 404, svg: plainBadge(id, "no such component") };
}

type Encoded = { status: number; body: Buffer; etag: string };
const perSnapshot = new WeakMap<Snapshot, Map<string, Encoded>>();

function encoded(path: string, snapshot: Snapshot): Encoded | null {
  let cache = perSnapshot.get(snapshot);
  if (!cache) perSnapshot.set(snapshot, (cache = new Map()));
  const hit = cache.get(path);
  if (hit) return hit;
  const made = makeBadge(path, snapshot);
  if (!made) return null;
  const body = Buffer.from(made.svg);
  const e = {
    status: made.status,
    body,
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
  };
  cache.set(path, e);
  return e;
}

const matchesEtag = (header: string | undefined, etag: string) =>
  !!header && header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  svg: Buffer,
  headers: Record<string, string>,
) {
  res.writeHead(status, {
    "content-type": "image/svg+xml; charset=utf-8",
    "content-length": String(svg.length),
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(req.method === "HEAD" ? undefined : svg);
}

export function createBadgeRoutes(options: {
  db: () => Db;
  /** Seconds a public badge may be cached: the board's refresh. */
  maxAgeSeconds: number;
  /** When the board is not public: whether this request may read it. */
  authorize?: (req: IncomingMessage) => Promise<boolean>;
}) {
  const caching: Record<string, string> = options.authorize
    ? { "cache-control": "private, no-cache", vary: "Authorization, Cookie" }
    : { "cache-control": `public, max-age=${options.maxAgeSeconds}` };

  /** Answers the request and returns true when it is a badge; false passes it on. */
  return function badgeRoute(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    if (!url.startsWith("/badge")) return false;
    const path = url.split("?")[0]!;
    if (path !== "/badge.svg" && !path.startsWith("/badge/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(req, res, 405, Buffer.from(plainBadge("badge", "GET only")), { allow: "GET, HEAD" });
      return true;
    }
    const allowed = options.authorize ? options.authorize(req) : Promise.resolve(true);
    allowed
      .then(async (ok) => (ok ? getBoardSnapshot(options.db()) : null))
      .then(
        (snapshot) => {
          if (!snapshot) {
            send(req, res, 401, Buffer.from(plainBadge("status", "sign in to see")), {
              "cache-control": "no-store",
              vary: "Authorization, Cookie",
            });
            return;
          }
          const badge = encoded(path, snapshot);
          if (!badge) {
            send(req, res, 404, Buffer.from(plainBadge("badge", "not found")), {
              "cache-control": "no-store",
            });
            return;
          }
          const headers = { ...caching, etag: badge.etag };
          if (badge.status === 200 && matchesEtag(req.headers["if-none-match"], badge.etag)) {
            res.writeHead(304, headers);
            res.end();
            return;
          }
          send(req, res, badge.status, badge.body, {
            ...headers,
            ...(badge.status === 200 ? {} : { "cache-control": "no-store" }),
          });
        },
        (error: Error) => {
          // No reading at all: say so, never a last-known green.
          console.error(`[badges] ${path}: ${error.message}`);
          send(req, res, 503, Buffer.from(plainBadge("status", "unknown")), {
            "cache-control": "no-store",
            "retry-after": "5",
          });
        },
      );
    return true;
  };
}
