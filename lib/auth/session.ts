import "server-only";
import { getDb } from "../db";
import { assertOwnOrigin } from "../request";
import { getSettings } from "../settings";
import type { StandfastAuth } from "./better-auth";
import { getAuth } from "./instance";
import { nextHeaders, nextNavigation } from "./next";
import { ANONYMOUS, hasRole, ROLES, type Actor, type Role } from "../roles";
import type { Ctx } from "./require";
import { actorFromToken } from "./tokens";

/**
 * The signed-in user behind a session cookie, with their role as the store has it now; null when
 * there is no valid session, or the user is disabled or has no role.
 */
export async function sessionActor(
  requestHeaders: Headers,
  auth?: StandfastAuth,
): Promise<Actor | null> {
  if (!requestHeaders.get("cookie")) return null;
  const instance = auth ?? (await getAuth());
  const found = await instance.api.getSession({
    headers: requestHeaders,
    query: { disableRefresh: true },
  });
  if (!found) return null;
  const { user } = found;
  const role = (ROLES as readonly string[]).includes(user.role ?? "") ? (user.role as Role) : null;
  if (user.disabled || !role) return null;
  return { kind: "user", id: user.id, name: user.name || user.email, role };
}

/**
 * Who is asking, from request headers: an `Authorization: Bearer` API token, else the session
 * cookie, else anonymous. An unknown token counts as anonymous here; route handlers refuse it.
 */
export async function actorFromHeaders(
  requestHeaders: Headers,
  auth?: StandfastAuth,
): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(requestHeaders.get("authorization") ?? "");
  if (bearer) {
    const db = auth?.db ?? (await getDb());
    return (await actorFromToken(db, bearer[1]!)) ?? ANONYMOUS;
  }
  return (await sessionActor(requestHeaders, auth)) ?? ANONYMOUS;
}

/** For server components: the signed-in user, an API token's holder, or ANONYMOUS. */
export async function currentActor(): Promise<Actor> {
  const { headers } = await nextHeaders();
  return actorFromHeaders(new Headers(await headers()));
}

/**
 * For server actions: refuses (forbidden) a request whose Origin is missing or not this app's,
 * then the caller as currentActor. Call it first in every action, before reading its input.
 */
export async function actionActor(): Promise<Actor> {
  const { headers } = await nextHeaders();
  const requestHeaders = new Headers(await headers());
  assertOwnOrigin(requestHeaders, getSettings().STANDFAST_PUBLIC_URL);
  return actorFromHeaders(requestHeaders);
}

/**
 * For pages: anonymous visitors go to the sign-in page (and come back to `next`); a lesser role
 * gets the 403 page. Returns the actor when the role is enough.
 */
export async function requirePageRole(role: Role, next: string): Promise<Actor> {
  const actor = await currentActor();
  const { forbidden, redirect } = await nextNavigation();
  if (actor.kind === "anonymous") redirect(signInPath(next));
  if (!hasRole(actor, role)) forbidden();
  return actor;
}

/** `/sign-in?next=…`, keeping only a local path as `next` so a link cannot send people elsewhere. */
export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(safeNext(next))}`;
}

/** A path on this site to go to after signing in; anything else (other sites, `//x`) becomes `/`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/[\r\n\t]/.test(next)) return "/";
  return next.slice(0, 500);
}

/** For server actions: actionActor's checks, then the context every write verb takes. */
/** A page's verb context: its viewer (who must hold `role`) and the store. */
export async function pageContext(role: Role, next: string): Promise<Ctx> {
  return { actor: await requirePageRole(role, next), db: await getDb() };
}

export async function actionContext(): Promise<Ctx> {
  const actor = await actionActor();
  return { actor, db: await getDb() };
}
