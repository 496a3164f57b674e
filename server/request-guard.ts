import fs from "node:fs";
import { IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import {
  ACTION_BODY_LIMIT,
  checkActionBody,
  mayBeServerAction,
  type KnownActions,
  withoutBoundFormState,
  routerStateProblem,
} from "../lib/request/server";
import { checkRequestTarget, assertOwnOrigin } from "../lib/request";
import { isDomainError } from "../lib/errors";
import { sendRefusal } from "./error-pages";

/**
 * What the custom server refuses before Next sees a request, because Next would answer it with a
 * 500: a path that is not valid percent-encoding or holds a NUL (Next's decoder throws), a
 * router-state header Next cannot read, and a
 * server action request Next or React cannot decode or whose Origin is not this app's (Next's own
 * check answers those with a 500 too). Returns the request to hand on (a server action's body
 * replayed from what was read), or null when it has answered.
 */
export async function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: { knownActions: () => KnownActions; publicUrl?: string },
): Promise<IncomingMessage | null> {
  const target = checkRequestTarget(req.url ?? "/");
  if (target) {
    sendRefusal(req, res, 400, target.message);
    return null;
  }
  const routerState = routerStateProblem(req.headers["next-router-state-tree"]);
  if (routerState) {
    sendRefusal(req, res, 400, routerState);
    return null;
  }
  const headers = headersOf(req);
  if (!mayBeServerAction(req.method, headers)) return req;
  if (headers.has("origin")) {
    try {
      assertOwnOrigin(headers, options.publicUrl);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      sendRefusal(req, res, 403, error.message);
      return null;
    }
  }
  const body = await readBody(req, ACTION_BODY_LIMIT);
  const problem = body
    ? await checkActionBody(headers, body, options.knownActions())
    : {
        status: 413 as const,
        message: `The body is too large (limit ${ACTION_BODY_LIMIT} bytes).`,
      };
  if (problem) {
    // A body over the limit was not read to its end: the connection cannot carry another request.
    sendRefusal(
      req,
      res,
      problem.status,
      `This server action request was refused: ${problem.message}`,
      {
        close: problem.status === 413,
      },
    );
    return null;
  }
  const rewritten = await withoutBoundFormState(headers.get("content-type") ?? "", body!);
  return rewritten ? replay(req, rewritten.body, rewritten.type) : replay(req, body!);
}

/** The body, or null as soon as it passes the limit (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.removeAllListeners("data");
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * A request like `req` whose body is `body` (of `contentType` when rewritten), for Next to read as
 * if it came from the socket.
 */
function replay(req: IncomingMessage, body: Buffer, contentType?: string): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = { ...req.headers };
  if (contentType) {
    copy.headers["content-type"] = contentType;
    copy.headers["content-length"] = String(body.byteLength);
    delete copy.headers["transfer-encoding"];
  }
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return headers;
}

/**
 * Every server action id in the build, from Next's manifest (read once, when first needed); null,
 * and so no check of ids, if the build has none to read.
 */
export function actionIdsOf(nextDir: string): () => KnownActions {
  let ids: KnownActions | undefined;
  return () => {
    if (ids !== undefined) return ids;
    const file = path.join(nextDir, "server", "server-reference-manifest.json");
    try {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: object };
      ids = new Set(Object.keys(manifest.node ?? {}));
    } catch (error) {
      console.error(`[standfast] server action ids unknown (${(error as Error).message})`);
      ids = null;
    }
    return ids;
  };
}
