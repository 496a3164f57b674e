import "server-only";
import { requireRole, type Ctx, type Role } from "../auth";
import { getDb } from "../db";
import { errorResponse } from "./errors";
import { actorFromRequest, assertSameOrigin, readJson } from "./request";

export { errorResponse, toActionResult, HTTP_STATUS, type ActionResult } from "./errors";
export { assertSameOrigin, actorFromRequest, readJson } from "./request";

type Handler = (args: { ctx: Ctx; body: unknown; request: Request }) => Promise<Response>;

/**
 * A thin route handler: origin check for writes, the caller as an actor, the JSON body, and
 * domain errors mapped to statuses. Reads may require a role here; writes check it in the verb.
 */
export function withApi(
  options: { write?: boolean; role?: Role; what?: string },
  handler: Handler,
) {
  return async (request: Request): Promise<Response> => {
    try {
      if (options.write) assertSameOrigin(request);
      const db = await getDb();
      const actor = await actorFromRequest(db, request);
      if (options.role) requireRole(actor, options.role, options.what ?? "This request");
      const body = options.write ? await readJson(request) : undefined;
      return await handler({ ctx: { actor, db }, body, request });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
