import { Agent, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { randomBytes } from "node:crypto";

/**
 * Asks this same server's Next.js handler for a page over loopback, and reads the whole answer.
 * The page is rendered by Next as for any request (layout, scripts, headers); the custom server
 * then adds what Next does not render itself. The header carries a secret of this process, so
 * only its own requests skip the custom routes.
 */
export const RENDER_HEADER = "x-standfast-render";
const secret = randomBytes(18).toString("base64url");
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

export const isOwnRender = (headers: IncomingHttpHeaders) => headers[RENDER_HEADER] === secret;

export type Rendered = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export function renderThroughNext(
  base: string,
  path: string,
  headers: OutgoingHttpHeaders,
  timeoutMs = 15_000,
): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      { agent, headers: { ...headers, [RENDER_HEADER]: secret, "accept-encoding": "identity" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 500,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`no answer from Next within ${timeoutMs} ms`)),
    );
    req.end();
  });
}

/** The loopback address of a server listening on `address`: a wildcard bind is reached on loopback. */
export function loopbackBase(address: string, port: number): string {
  if (address === "0.0.0.0" || address === "::" || address === "")
    return `http://127.0.0.1:${port}`;
  return address.includes(":") ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
