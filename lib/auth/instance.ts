import "server-only";
import { getIP } from "better-auth/api";
import { recordAudit } from "../audit";
import { getDb } from "../db";
import { errorResponse } from "../request";
import { getSettings, type Settings } from "../settings";
import { screenAuthRequest } from "./auth-input";
import { AUTH_BASE_PATH, createAuth, type StandfastAuth } from "./better-auth";
import { ANONYMOUS } from "../roles";
import { ensureAuthSecret } from "./secret";

const KEY = Symbol.for("standfast.auth");
type Holder = { [KEY]?: Promise<StandfastAuth> };
const holder = globalThis as Holder;

/** The address people open: STANDFAST_PUBLIC_URL, else this machine on PORT. */
export const publicUrlOf = (settings: Settings) =>
  settings.STANDFAST_PUBLIC_URL ?? `http://localhost:${settings.PORT}`;

/** The process-wide better-auth instance, made on first use from the settings and the store. */
export function getAuth(): Promise<StandfastAuth> {
  holder[KEY] ??= (async () => {
    const settings = getSettings();
    const db = await getDb();
    const secret = await ensureAuthSecret(db, settings.STANDFAST_AUTH_SECRET);
    return createAuth({ db, secret, baseURL: publicUrlOf(settings), settings });
  })();
  holder[KEY].catch(() => delete holder[KEY]);
  return holder[KEY];
}

/** Installs an instance made elsewhere (tests), or forgets it (undefined). */
export function installAuth(auth: StandfastAuth | undefined): void {
  if (auth) holder[KEY] = Promise.resolve(auth);
  else delete holder[KEY];
}

/**
 * Every request to better-auth's routes goes through here, the sign-in form's too, so rate
 * limits, origin checks and auditing apply the same way. A sign-in the rate limiter refuses never
 * reaches an endpoint, so it is audited here. Hostile input is refused before it gets there
 * (screenAuthRequest), and an unreachable store is a 503.
 */
export async function handleAuthRequest(
  incoming: Request,
  auth?: StandfastAuth,
): Promise<Response> {
  const screened = await screenAuthRequest(incoming);
  if ("refused" in screened) {
    if (new URL(incoming.url).pathname.startsWith(`${AUTH_BASE_PATH}/sign-in/`))
      await auditScreenedSignIn(incoming, screened.refused, auth);
    return screened.refused;
  }
  const { request } = screened;
  let instance: StandfastAuth;
  let response: Response;
  const copy = request.method === "POST" ? request.clone() : null;
  try {
    instance = auth ?? (await getAuth());
    response = await instance.handler(request);
  } catch (error) {
    return errorResponse(error);
  }
  const path = new URL(request.url).pathname;
  // better-auth answers an endpoint it does not have with an empty 404: say what is wrong.
  if (response.status === 404 && !response.headers.get("content-type"))
    return Response.json(
      { code: "NOT_FOUND", message: `There is no sign-in endpoint at ${path}.` },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  if (response.status === 429 && copy && path.startsWith(`${AUTH_BASE_PATH}/sign-in/`)) {
    const body = (await copy.json().catch(() => ({}))) as { email?: unknown };
    await recordAudit(instance.db, {
      actor: ANONYMOUS,
      action: "auth.sign-in",
      target: typeof body.email === "string" ? body.email.trim().toLowerCase().slice(0, 200) : null,
      input: {
        method: path.endsWith("/email") ? "password" : "oidc",
        client: getIP(request, instance.options),
      },
      outcome: "refused",
      detail: `Too many sign-in attempts from this address; retry after ${response.headers.get("x-retry-after") ?? "a while"} s.`,
    }).catch(() => {});
  }
  return response;
}

/** A sign-in refused before better-auth saw it is audited as its own refusals are. */
async function auditScreenedSignIn(request: Request, refused: Response, auth?: StandfastAuth) {
  try {
    const instance = auth ?? (await getAuth());
    const { message } = (await refused.clone().json()) as { message: string };
    await recordAudit(instance.db, {
      actor: ANONYMOUS,
      action: "auth.sign-in",
      input: { client: getIP(request, instance.options) },
      outcome: "refused",
      detail: message.slice(0, 500),
    });
  } catch {
    // The refusal stands whether or not it could be audited (the store may be what failed).
  }
}
