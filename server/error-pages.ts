import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Answers the custom server gives itself, before Next: a JSON error for the API and for server
 * action calls, a small readable page for browsers. Self-contained (no scripts, inline styles),
 * since they are sent when Next or the store cannot be relied on.
 */

const CODES: Record<number, string> = {
  400: "validation",
  403: "forbidden",
  404: "not_found",
  413: "too_large",
  503: "unavailable",
};

const TITLES: Record<number, string> = {
  400: "This address is not valid",
  403: "Not allowed",
  404: "Not found",
  413: "Too much was sent",
  503: "The status store is unreachable",
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function wantsJson(req: IncomingMessage): boolean {
  const path = (req.url ?? "/").split("?")[0]!;
  return (
    path.startsWith("/api/") ||
    req.headers["next-action"] !== undefined ||
    !/text\/html/.test(req.headers.accept ?? "")
  );
}

function page(status: number, message: string, path: string, retryAfter?: number): string {
  const title = escape(TITLES[status] ?? "Error");
  const retry = retryAfter !== undefined;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${retry ? `<meta http-equiv="refresh" content="${retryAfter * 2}">` : ""}<title>${title} · Standfast</title>
<style>
:root{color-scheme:light dark;font-family:ui-sans-serif,system-ui,sans-serif}
body{margin:0;background:#fff;color:#18181b}
header{border-bottom:1px solid #e4e4e7;padding:12px 16px;font-weight:600}
main{max-width:36rem;margin:0 auto;padding:64px 16px;text-align:center}
.code{font-size:.875rem;font-weight:600;color:#52525b}
h1{font-size:1.5rem;margin:.5rem 0}
p{color:#3f3f46;line-height:1.5}
a{display:inline-block;margin-top:.75rem;border-radius:6px;background:#2563eb;color:#fff;padding:8px 16px;font-size:.875rem;font-weight:500;text-decoration:none}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}header{border-color:#27272a}.code{color:#a1a1aa}p{color:#d4d4d8}}
</style></head>
<body><header>Standfast</header><main role="alert">
<p class="code">${status}</p>
<h1>${title}</h1>
<p>${escape(message)}</p>
${
  retry
    ? `<p>This page reloads itself every ${retryAfter * 2} seconds and works again as soon as the store is back.</p>
<a href="${escape(path)}">Try again now</a>`
    : `<a href="/">Back to the status board</a>`
}
</main></body></html>`;
}

/**
 * A body nobody read would be parsed as the next request on a kept-alive connection: it is read
 * and dropped. True when it may be large (or of unknown length): then the connection is closed.
 */
function drainUnreadBody(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (req.readableEnded || (!chunked && !(length > 0))) return false;
  req.resume();
  return chunked || length > 1_000_000;
}

/** Sends a refusal (4xx) or an unavailable (503) answer in the form the client reads. */
export function sendRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  options: { retryAfter?: number; close?: boolean; pageText?: string } = {},
): void {
  const json = wantsJson(req);
  const body = json
    ? JSON.stringify({ error: { code: CODES[status] ?? "error", message } })
    : page(status, options.pageText ?? message, req.url ?? "/", options.retryAfter);
  const headers: Record<string, string> = {
    "content-type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    "cache-control": "no-store",
  };
  if (options.retryAfter !== undefined) headers["retry-after"] = String(options.retryAfter);
  if (options.close || drainUnreadBody(req)) headers.connection = "close";
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * What Node's HTTP parser refuses before a request exists (headers or address over its limit,
 * bytes that are not HTTP): an answer that says so, rather than Node's empty 400 or 431.
 */
export function answerClientError(
  error: NodeJS.ErrnoException & { rawPacket?: Buffer },
  socket: Duplex,
): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const message = tooLarge
    ? "The request's address and headers are too large (limit 16 kB)."
    : "This is not a well-formed HTTP request.";
  const body = JSON.stringify({ error: { code: tooLarge ? "too_large" : "validation", message } });
  // An answer to HEAD has no body; the request line, when it got that far, says which it was.
  const head = error.rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
      "content-type: application/json; charset=utf-8\r\n" +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${head ? "" : body}`,
  );
}
