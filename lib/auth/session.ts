import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { forbidden } from "../errors";
import { hasRole, ANONYMOUS, type Actor, type Role } from "./roles";
import { actorFromToken } from "./tokens";

// Interim: API tokens only. Sign-in sessions (better-auth) replace the body of `currentActor`.

/** The caller of a page or server action: a signed-in user or an API token, else anonymous. */
export async function currentActor(): Promise<Actor> {
  const h = await headers();
  const match = /^Bearer\s+(\S+)$/i.exec(h.get("authorization") ?? "");
  if (!match) return ANONYMOUS;
  return (await actorFromToken(await getDb(), match[1]!)) ?? ANONYMOUS;
}

/** For server actions: refuses a cross-origin or origin-less post, then as currentActor. */
export async function actionActor(): Promise<Actor> {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host");
  if (!origin || !host)
    throw forbidden("Refused: a server action must come from this site's own pages.");
  let same = false;
  try {
    same = new URL(origin).host === new URL(`${new URL(origin).protocol}//${host}`).host;
  } catch {
    same = false;
  }
  if (!same)
    throw forbidden(`Cross-origin request refused: Origin ${origin} does not match ${host}.`);
  return currentActor();
}

/** For pages: anonymous callers go to sign-in; lesser roles get a 403 page. */
export async function requirePageRole(role: Role, next: string): Promise<Actor> {
  const actor = await currentActor();
  if (hasRole(actor, role)) return actor;
  if (actor.kind === "anonymous") redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  throw forbidden(`This page needs the ${role} role; ${actor.name} has ${actor.role ?? "none"}.`);
}
