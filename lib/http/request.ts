import { actorFromToken, ANONYMOUS, type Actor } from "../auth";
import type { Db } from "../db";
import { unauthorized } from "../errors";

export { assertSameOrigin, readJson, readText } from "../request";

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
