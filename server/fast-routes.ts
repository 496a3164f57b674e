import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../lib/db";
import { getBoardSnapshot, type Snapshot } from "../lib/health";
import { toLiveBoard } from "../lib/health/board-types";
import { getIncidentData } from "../lib/incidents";
import { componentsDocument, statusDocument, summaryDocument } from "../lib/statuspage";
import { incidentDocuments as sp } from "../lib/statuspage";
import { sendTagged } from "./conditional";

type Doc = (snapshot: Snapshot, url: string, incidents: sp.IncidentSource) => unknown;

/** Incidents and maintenance as the Statuspage documents give them, from the board and the incident data. */
const objects = (s: Snapshot, url: string, i: sp.IncidentSource) =>
  sp.statuspageObjects(s.view, url, i);

/** The read-hot JSON documents, served from the shared snapshot's pre-encoded bytes. */
const DOCUMENTS: Record<string, { make: Doc; publicApi: boolean; incidents?: true }> = {
  "/api/v2/summary.json": {
    make: (s, url, i) => summaryDocument(s.view, url, sp.summaryParts(objects(s, url, i))),
    publicApi: true,
    incidents: true,
  },
  "/api/v2/status.json": { make: (s, url) => statusDocument(s.view, url), publicApi: true },
  "/api/v2/components.json": { make: (s, url) => componentsDocument(s.view, url), publicApi: true },
  "/api/v2/incidents.json": {
    make: (s, url, i) => sp.incidentsDocument(objects(s, url, i)),
    publicApi: true,
    incidents: true,
  },
  "/api/v2/incidents/unresolved.json": {
    make: (s, url, i) => sp.unresolvedDocument(objects(s, url, i)),
    publicApi: true,
    incidents: true,
  },
  "/api/v2/scheduled-maintenances.json": {
    make: (s, url, i) => sp.maintenancesDocument(objects(s, url, i)),
    publicApi: true,
    incidents: true,
  },
  "/api/v2/scheduled-maintenances/upcoming.json": {
    make: (s, url, i) => sp.upcomingDocument(objects(s, url, i)),
    publicApi: true,
    incidents: true,
  },
  "/api/v2/scheduled-maintenances/active.json": {
    make: (s, url, i) => sp.activeDocument(objects(s, url, i)),
    publicApi: true,
    incidents: true,
  },
  "/api/board": { make: (s) => toLiveBoard(s.view), publicApi: false },
};
const NO_INCIDENTS: sp.IncidentSource = { incidents: [], maintenances: [] };
const V2_LIST = Object.keys(DOCUMENTS)
  .filter((p) => p.startsWith("/api/v2/"))
  .join(", ");
// `_` is the cache-buster many polling clients add; anything else is a mistake worth reporting.
const ALLOWED_PARAMS = new Set(["_"]);

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

export function createFastRoutes(options: {
  db: () => Db;
  publicUrl: string;
  /** When the board is not public: whether this request may read it (a viewer's session or token). */
  authorize?: (req: IncomingMessage) => Promise<boolean>;
}) {
  /** Answers the request and returns true when it is one of ours; false passes it on to Next. */
  return function fastRoute(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    if (!url.startsWith("/api/v2/") && !url.startsWith("/api/board")) return false;
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    const doc = DOCUMENTS[path];
    // Browser clients of the public API can read its errors only with the CORS header on them too.
    const cors: Record<string, string> = path.startsWith("/api/v2/")
      ? { "access-control-allow-origin": "*" }
      : {};
    if (!doc) {
      if (!path.startsWith("/api/v2/")) return false;
      sendJson(
        res,
        404,
        {
          error: { code: "not_found", message: `Unknown endpoint ${path}. Available: ${V2_LIST}.` },
        },
        cors,
      );
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(
        res,
        405,
        { error: { code: "method_not_allowed", message: `${path} answers GET and HEAD only.` } },
        { allow: "GET, HEAD", ...cors },
      );
      return true;
    }
    if (q !== -1) {
      const bad = [...new URLSearchParams(url.slice(q + 1)).keys()].filter(
        (k) => !ALLOWED_PARAMS.has(k),
      );
      if (bad.length) {
        sendJson(
          res,
          400,
          {
            error: {
              code: "bad_request",
              message: `Unknown query parameter ${bad.map((b) => JSON.stringify(b)).join(", ")}: ${path} takes none.`,
            },
          },
          cors,
        );
        return true;
      }
    }
    const allowed = options.authorize ? options.authorize(req) : Promise.resolve(true);
    allowed
      .then(async (ok) =>
        ok
          ? Promise.all([
              getBoardSnapshot(options.db()),
              doc.incidents ? getIncidentData(options.db()) : NO_INCIDENTS,
            ])
          : null,
      )
      .then(
        (read) => {
          if (!read) {
            sendJson(
              res,
              401,
              {
                error: {
                  code: "unauthorized",
                  message:
                    "This board is not public: sign in, or send the API token of a viewer or better as Authorization: Bearer <token>.",
                },
              },
              { ...cors, vary: "Authorization, Cookie" },
            );
            return;
          }
          const [snapshot, incidents] = read;
          const encoded = snapshot.encode(path, () =>
            doc.make(snapshot, options.publicUrl, incidents),
          );
          const headers: Record<string, string> = {
            "content-type": "application/json; charset=utf-8",
            "cache-control": "no-cache",
            vary: "Accept-Encoding",
          };
          if (doc.publicApi) headers["access-control-allow-origin"] = "*";
          sendTagged(req, res, headers, encoded);
        },
        (error: Error) => {
          console.error(`[api] ${path}: ${error.message}`);
          sendJson(
            res,
            503,
            {
              error: {
                code: "unavailable",
                message: "The status store cannot be read right now; try again shortly.",
              },
            },
            { "retry-after": "5", ...cors },
          );
        },
      );
    return true;
  };
}
