import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { getSettings } from "../settings";
import { AUTH_BASE_PATH } from "./better-auth";
import { demoAccounts, type DemoAccount } from "./demo-users";
import { getAuth, handleAuthRequest, publicUrlOf } from "./instance";
import { nextHeaders } from "./next";
import { OIDC_PROVIDER_ID } from "./oidc-role";
import { safeNext } from "./session";

// Server actions reach better-auth through its HTTP handler rather than its in-process API, so
// the sign-in rate limit, origin checks and audit hooks apply to them exactly as to any request.

const FORWARDED = [
  "origin",
  "host",
  "cookie",
  "user-agent",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
];

async function callAuth(path: string, body: unknown): Promise<Response> {
  const { cookies, headers } = await nextHeaders();
  const incoming = await headers();
  const forwarded = new Headers({ "content-type": "application/json" });
  for (const name of FORWARDED) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  const url = publicUrlOf(getSettings()) + AUTH_BASE_PATH + path;
  const response = await handleAuthRequest(
    new Request(url, { method: "POST", headers: forwarded, body: JSON.stringify(body) }),
  );
  const setCookie = response.headers.get("set-cookie");
  if (setCookie) {
    const jar = await cookies();
    for (const [name, attributes] of parseSetCookieHeader(setCookie))
      jar.set(name, attributes.value, toCookieOptions(attributes));
  }
  return response;
}

export type SignInOutcome = { ok: true } | { ok: false; error: string };

/** Signs in with e-mail and password, setting the session cookie. Errors say what to do. */
export async function passwordSignIn(email: string, password: string): Promise<SignInOutcome> {
  const response = await callAuth("/sign-in/email", { email, password });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  switch (response.status) {
    case 401:
      return { ok: false, error: "Wrong e-mail address or password." };
    case 429:
      return {
        ok: false,
        error: `Too many sign-in attempts from your address. Wait ${response.headers.get("x-retry-after") ?? "a minute"} seconds and try again.`,
      };
    case 400:
      return { ok: false, error: "Enter a valid e-mail address and your password." };
    case 403:
      return { ok: false, error: body.message ?? "This sign-in was refused." };
    default:
      console.error(`[auth] sign-in answered ${response.status}: ${JSON.stringify(body)}`);
      return {
        ok: false,
        error: "Signing in failed on the server; it is in the server log. Try again shortly.",
      };
  }
}

/** Starts OIDC sign-in: the URL of the identity provider's sign-in page to send the browser to. */
export async function startOidcSignIn(next: string): Promise<SignInOutcome & { url?: string }> {
  const target = safeNext(next);
  const response = await callAuth("/sign-in/social", {
    provider: OIDC_PROVIDER_ID,
    callbackURL: target,
    errorCallbackURL: `/sign-in?next=${encodeURIComponent(target)}`,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
  if (response.ok && body.url) return { ok: true, url: body.url };
  if (response.status === 429)
    return { ok: false, error: "Too many sign-in attempts from your address. Wait and try again." };
  console.error(`[auth] OIDC sign-in answered ${response.status}: ${JSON.stringify(body)}`);
  return {
    ok: false,
    error: `${oidcName() ?? "Single sign-on"} cannot be reached right now; it is in the server log. Try again shortly, or sign in with your e-mail address.`,
  };
}

/** Ends this browser's session. */
export async function signOutHere(): Promise<void> {
  await callAuth("/sign-out", {});
}

/** The name on the "Sign in with …" button, or null when OIDC is not configured. */
export function oidcName(): string | null {
  const s = getSettings();
  if (!s.STANDFAST_OIDC_ISSUER) return null;
  if (s.STANDFAST_OIDC_NAME) return s.STANDFAST_OIDC_NAME;
  const host = new URL(s.STANDFAST_OIDC_ISSUER).hostname;
  return /(^|\.)microsoftonline\.(com|us)$/.test(host) ? "Microsoft" : host;
}

/** What the sign-in page offers: OIDC, and the demo accounts while the demo estate is loaded. */
export async function signInOptions(): Promise<{
  oidcName: string | null;
  demo: readonly DemoAccount[];
}> {
  const auth = await getAuth();
  return { oidcName: oidcName(), demo: await demoAccounts(auth.db) };
}

/** Messages for the `?error=` codes the OIDC callback sends back. Unknown codes get a general one. */
export function oidcErrorMessage(code: string, provider: string): string {
  const messages: Record<string, string> = {
    NO_ROLE: `Your ${provider} account has no Standfast role. Ask your administrator to assign you one.`,
    ACCOUNT_DISABLED: "This account is disabled. Ask a Standfast admin to enable it.",
    account_not_linked: `A Standfast account with your e-mail address signs in with a password: use the form below, or ask an admin to remove it so you can use ${provider}.`,
    signup_disabled: `Signing up with ${provider} is not allowed here.`,
    access_denied: `${provider} did not let you sign in (you may have cancelled).`,
  };
  // Own keys only: a code such as "toString" is unknown, not Object's method.
  return Object.hasOwn(messages, code)
    ? messages[code]!
    : `Signing in with ${provider} did not complete (${code.slice(0, 60)}). Try again; if it keeps failing, the details are in the server log.`;
}
