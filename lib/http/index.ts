import "server-only";
import { recordAudit } from "../audit";
import { ANONYMOUS, requireRole, sessionActor, type Actor, type Ctx, type Role } from "../auth";
import { getDb, type Db } from "../db";
import { isDomainError, validationError } from "../errors";
import { getSettings } from "../settings";
import { assertCleanInput } from "../validation";
import { errorResponse, assertOwnOrigin, checkRequestTarget } from "../request";
import { actorFromRequest, assertSameOrigin, readJson } from "./request";

export {
  errorResponse,
  toActionResult,
  toFormRefusal,
  HTTP_STATUS,
  type ActionResult,
  checkRequestTarget,
  formOf,
  formText,
  idArgument,
} from "../request";
export { assertSameOrigin, actorFromRequest, readJson } from "./request";

type Handler = (args: { ctx: Ctx; body: unknown; request: Request }) => Promise<Response>;

/**
 * A thin route handler: the path and query checked (no malformed escapes, no NUL), the caller as
 * an actor (an API token, else the session cookie), origin check for writes (a cookie-authenticated
 * write must carry this app's Origin), the JSON object body with no text a field may not hold, and
 * domain errors (and an unreachable store, 503) mapped to statuses. Reads may require a role
 * here; writes check it in the verb. What this wrapper refuses it audits itself; what the verb
 * refuses, the verb audits.
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
      const target = checkRequestTarget(request.url);
      if (target) throw validationError(target.message, { [target.field]: [target.message] });
      actor = await actorFromRequest(db, request);
      const bySession = actor.kind === "anonymous" ? await sessionActor(request.headers) : null;
      if (bySession) actor = bySession;
      const publicUrl = getSettings().STANDFAST_PUBLIC_URL;
      if (options.write && bySession) assertOwnOrigin(request.headers, publicUrl, request.url);
      else if (options.write) assertSameOrigin(request, publicUrl);
      if (options.role) requireRole(actor, options.role, options.what ?? "This request");
      const body = options.write ? await readJson(request, undefined, "object") : undefined;
      if (body !== undefined) assertCleanInput(body, "Invalid request body");
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
