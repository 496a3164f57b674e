import { forbidden } from "../errors";

/**
 * Refuses a cross-origin write: a browser always sends Origin on POST/PUT/PATCH/DELETE, and it
 * must be the origin (scheme, host and port) the request was sent to. Clients that are not
 * browsers send no Origin.
 */
export function assertSameOrigin(request: Request, publicUrl?: string): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  if (publicUrl && origin === new URL(publicUrl).origin) return;
  checkOrigin(origin, request.headers, request.url);
}

/**
 * The scheme the browser used. The custom server sets X-Forwarded-Proto on every request (it keeps
 * a trusted proxy's value and replaces anyone else's, see lib/http/forwarded.ts), so it is the
 * answer when present; otherwise the request URL's scheme, else http (the server speaks http).
 */
function requestScheme(headers: Headers, url?: string): string {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "http" || forwarded === "https") return `${forwarded}:`;
  if (url) {
    try {
      return new URL(url).protocol;
    } catch {
      // An unparseable URL cannot tell; the server itself speaks http.
    }
  }
  return "http:";
}

/** `http://Example.com:80` as a browser writes an origin: lower case, default port left out. */
function originOf(scheme: string, host: string): string | null {
  try {
    return new URL(`${scheme}//${host}`).origin;
  } catch {
    return null;
  }
}

function checkOrigin(origin: string, headers: Headers, url?: string): void {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw forbidden(`Cross-origin request refused: Origin ${JSON.stringify(origin)} is not a URL.`);
  }
  // A proxy chain may list several forwarded hosts; the first is the one the browser asked for.
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  const expected = host ? originOf(requestScheme(headers, url), host) : null;
  if (!expected || parsed.origin !== expected)
    throw forbidden(
      `Cross-origin request refused: Origin ${origin} does not match ${expected ?? host ?? "this server"}.`,
    );
}

/**
 * For what a browser does with its session cookie (server actions, cookie-authenticated writes):
 * the Origin header must be there, and be this app's own: the origin the request was sent to, or
 * the public URL people open.
 */
export function assertOwnOrigin(headers: Headers, publicUrl?: string, url?: string): void {
  const origin = headers.get("origin");
  if (!origin)
    throw forbidden(
      "Request refused: it has no Origin header, so it cannot be told apart from a cross-site one. Use Standfast's own pages, or send an API token.",
    );
  if (publicUrl && origin === new URL(publicUrl).origin) return;
  checkOrigin(origin, headers, url);
}
