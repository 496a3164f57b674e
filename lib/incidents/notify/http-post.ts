/**
 * One POST of a JSON body to a receiver, as notifications send it: a deadline for the whole
 * exchange, the SSRF guard on the connected address, no redirects followed, and the receiver's
 * answer reduced to its status (its body is never stored: it could echo anything).
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { guardedLookup, isPrivateAddress, TargetRefused } from "./targets";

export type PostOutcome =
  | { ok: true; status: number }
  | { ok: false; error: string; permanent: boolean; retryAfterMs?: number };

/** 4xx answers that a retry will not change (408 and 429 say "later", so they are retried). */
const permanentStatus = (status: number) =>
  status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;

function retryAfter(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** An error in words that names the host, never the URL's path or query (they can hold a token). */
function describeError(error: NodeJS.ErrnoException, host: string, timeoutMs: number): string {
  if (error instanceof TargetRefused) return error.message;
  switch (error.code) {
    case "ECONNREFUSED":
      return `${host} refused the connection`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${host} could not be resolved`;
    case "ECONNRESET":
      return `${host} closed the connection`;
    case "ABORT_ERR":
    case "ETIMEDOUT":
      return `${host} did not answer within ${timeoutMs / 1000} s`;
    default:
      return `${host}: ${error.code ?? error.message}`;
  }
}

export function postJson(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostOutcome> {
  const url = new URL(target);
  const host = url.host;
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate && net.isIP(literal) && isPrivateAddress(literal))
    return Promise.resolve({
      ok: false,
      permanent: true,
      error: `${host} is a private address: webhooks may not call it (STANDFAST_NOTIFY_ALLOW_PRIVATE=off)`,
    });
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Standfast-Notifications/1",
          ...headers,
        },
        lookup: guardedLookup(options.allowPrivate) as never,
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // Read and drop the answer, so the socket closes cleanly.
        response.resume();
        response.on("end", () => {
          if (status >= 200 && status < 300) return finish({ ok: true, status });
          if (status >= 300 && status < 400)
            return finish({
              ok: false,
              permanent: true,
              error: `${host} answered ${status} (a redirect): Standfast does not follow redirects; use the final URL`,
            });
          finish({
            ok: false,
            permanent: permanentStatus(status),
            error: `${host} answered HTTP ${status}`,
            retryAfterMs: retryAfter(response.headers["retry-after"]),
          });
        });
        response.on("error", (error) =>
          finish({
            ok: false,
            permanent: false,
            error: describeError(error, host, options.timeoutMs),
          }),
        );
      },
    );
    const deadline = setTimeout(() => {
      request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" }));
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        permanent: error instanceof TargetRefused,
        error: describeError(error, host, options.timeoutMs),
      }),
    );
    request.end(body);
  });
}
