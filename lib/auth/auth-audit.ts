import "server-only";
import { createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { recordAudit } from "../audit";
import type { Db } from "../db";
import { ANONYMOUS, type Actor, type Role } from "../roles";

type NewSession = { user: { id: string; email: string; role?: string | null } } | null;

/** Error codes from an OIDC callback that went wrong: better-auth redirects with `?error=`. */
function callbackError(returned: unknown): string | null {
  if (!isAPIError(returned)) return null;
  const location = new Headers(returned.headers as HeadersInit | undefined).get("location");
  if (!location) return returned.status === "FOUND" ? null : returned.message;
  const url = new URL(location, "http://x");
  const error = url.searchParams.get("error");
  return error
    ? [error, url.searchParams.get("error_description")].filter(Boolean).join(": ")
    : null;
}

/**
 * Writes every sign-in, and every refused one, to the audit log: with the e-mail address tried
 * (never the password) and the client address. Refusals by the rate limiter are audited where
 * requests enter (see handleAuthRequest), since they never reach an endpoint.
 */
export function auditAuthEvents(db: Db) {
  return createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/sign-in/email" && ctx.path !== "/callback/:id") return;
    const method = ctx.path === "/sign-in/email" ? "password" : "oidc";
    const session = ctx.context.newSession as NewSession;
    const from = ctx.request ?? ctx.headers;
    const client = from ? getIP(from, ctx.context.options) : null;
    const tried =
      typeof ctx.body?.email === "string"
        ? ctx.body.email.trim().toLowerCase().slice(0, 200)
        : null;
    if (session) {
      const actor: Actor = {
        kind: "user",
        id: session.user.id,
        name: session.user.email,
        role: (session.user.role as Role | null) ?? null,
      };
      await recordAudit(db, {
        actor,
        action: "auth.sign-in",
        target: session.user.email,
        input: { method, client },
        outcome: "ok",
      });
      return;
    }
    const failure =
      method === "password"
        ? isAPIError(ctx.context.returned)
          ? ctx.context.returned.message
          : null
        : callbackError(ctx.context.returned);
    if (!failure) return;
    await recordAudit(db, {
      actor: ANONYMOUS,
      action: "auth.sign-in",
      target: tried,
      input: { method, client },
      outcome: "refused",
      detail: failure.slice(0, 500),
    });
  });
}
