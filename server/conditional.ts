/** Conditional and compressed answers, shared by the routes the custom server answers itself. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** If-None-Match per RFC 9110: `*`, or a list of tags compared weakly. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** Whether Accept-Encoding lists gzip (or `*`) without refusing it by `q=0`. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Writes `body`, or `zipped` when there is one and the client accepts gzip; no body for HEAD. */
export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
  zipped: Buffer | null,
): void {
  const gz = zipped !== null && acceptsGzip(req.headers["accept-encoding"]);
  const out = gz ? zipped : body;
  res.writeHead(status, {
    ...headers,
    ...(gz ? { "content-encoding": "gzip" } : {}),
    "content-length": String(out.length),
  });
  res.end(req.method === "HEAD" ? undefined : out);
}

/** A document made once and kept in both encodings under its tag: a 304 to that tag, else its bytes. */
export function sendTagged(
  req: IncomingMessage,
  res: ServerResponse,
  headers: OutgoingHttpHeaders,
  doc: { body: Buffer; gzip: Buffer | null; etag: string },
): void {
  const tagged = { ...headers, etag: doc.etag };
  if (matchesEtag(req.headers["if-none-match"], doc.etag)) {
    res.writeHead(304, tagged);
    res.end();
    return;
  }
  sendBody(req, res, 200, tagged, doc.body, doc.gzip);
}
