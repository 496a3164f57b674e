import { actorFromToken, ANONYMOUS, type Actor } from "../auth";
import type { Db } from "../db";
import { forbidden, unauthorized, validationError } from "../errors";

/**
 * Refuses a cross-origin write: a browser always sends Origin on POST/PUT/PATCH/DELETE, and it
 * must match the host the request was sent to. Clients that are not browsers send no Origin.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden(`Cross-origin request refused: Origin ${JSON.stringify(origin)} is not a URL.`);
  }
  if (!host || originHost !== host)
    throw forbidden(
      `Cross-origin request refused: Origin ${origin} does not match ${host ?? "this server"}.`,
    );
}

/** The actor behind a request: an API token in `Authorization: Bearer`, else anonymous. */
export async function actorFromRequest(db: Db, request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized("The Authorization header must be `Bearer <token>`.");
  const actor = await actorFromToken(db, match[1]!);
  if (!actor) throw unauthorized("The API token is unknown or revoked.");
  return actor;
}

/** Reads a JSON body, refusing anything else with a clear message. */
export async function readJson(request: Request, limitBytes = 64_000): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  const text = await request.text();
  if (text.length === 0) return {};
  if (!type.includes("application/json"))
    throw validationError("Send the body as JSON with Content-Type: application/json.");
  if (text.length > limitBytes)
    throw validationError(`The body is too large (limit ${limitBytes} bytes).`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
