import "server-only";
import { recordAudit } from "../audit";
import { ANONYMOUS, requireRole, type Actor, type Ctx, type Role } from "../auth";
import { getDb, type Db } from "../db";
import { isDomainError } from "../errors";
import { errorResponse } from "./errors";
import { actorFromRequest, assertSameOrigin, readJson } from "./request";

export { errorResponse, toActionResult, HTTP_STATUS, type ActionResult } from "./errors";
export { assertSameOrigin, actorFromRequest, readJson } from "./request";

type Handler = (args: { ctx: Ctx; body: unknown; request: Request }) => Promise<Response>;

/**
 * A thin route handler: the caller as an actor, origin check for writes, the JSON body, and
 * domain errors mapped to statuses. Reads may require a role here; writes check it in the verb.
 * What this wrapper refuses it audits itself; what the verb refuses, the verb audits.
 */
export function withApi(
  options: { write?: boolean; role?: Role; what?: string },
  handler: Handler,
) {
  return async (request: Request): Promise<Response> => {
    let db: Db | undefined;
    let actor: Actor = ANONYMOUS;
    let checked = false;
    try {
      db = await getDb();
      actor = await actorFromRequest(db, request);
      if (options.write) assertSameOrigin(request);
      if (options.role) requireRole(actor, options.role, options.what ?? "This request");
      const body = options.write ? await readJson(request) : undefined;
      checked = true;
      return await handler({ ctx: { actor, db }, body, request });
    } catch (error) {
      if (!checked && db && isDomainError(error)) {
        await recordAudit(db, {
          actor,
          action: `${request.method} ${new URL(request.url).pathname}`,
          outcome: "refused",
          detail: error.message.slice(0, 500),
        }).catch(() => {});
      }
      return errorResponse(error);
    }
  };
}
