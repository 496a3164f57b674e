import { forbidden } from "../errors";

/**
 * Refuses a cross-origin write: a browser always sends Origin on POST/PUT/PATCH/DELETE, and it
 * must match the host the request was sent to. Clients that are not browsers send no Origin.
 */
export function assertSameOrigin(request: Request): void {
  checkOrigin(request.headers);
}

function checkOrigin(headers: Headers): void {
  const origin = headers.get("origin");
  if (!origin) return;
  // A proxy chain may list several forwarded hosts; the first is the one the browser asked for.
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw forbidden(`Cross-origin request refused: Origin ${JSON.stringify(origin)} is not a URL.`);
  }
  if (!host || parsed.host !== canonicalHost(parsed.protocol, host))
    throw forbidden(
      `Cross-origin request refused: Origin ${origin} does not match ${host ?? "this server"}.`,
    );
}

/** `Example.com:443` as a browser writes it for https: lower case, default port left out. */
function canonicalHost(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/**
 * For what a browser does with its session cookie (server actions, cookie-authenticated writes):
 * the Origin header must be there, and be this app's own: the host the request was sent to, or
 * the public URL people open.
 */
export function assertOwnOrigin(headers: Headers, publicUrl?: string): void {
  const origin = headers.get("origin");
  if (!origin)
    throw forbidden(
      "Request refused: it has no Origin header, so it cannot be told apart from a cross-site one. Use Standfast's own pages, or send an API token.",
    );
  if (publicUrl && origin === new URL(publicUrl).origin) return;
  checkOrigin(headers);
}
