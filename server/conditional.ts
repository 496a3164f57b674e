/** Conditional and compressed answers, shared by the routes the custom server answers itself. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** If-None-Match per RFC 9110: `*`, or a list of tags compared weakly. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** Whether Accept-Encoding lists `coding` (or `*`) without refusing it by `q=0`. */
export function accepts(header: string | undefined, coding: "gzip" | "br"): boolean {
  return (header ?? "").split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name !== coding && name !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** A body's compressed forms, where it has them: Brotli is sent when taken, else gzip. */
export type Compressed = { gzip: Buffer | null; br?: Buffer | null };

/** Writes `body`, or its Brotli or gzip form when there is one the client takes; no body for HEAD. */
export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Buffer,
  compressed: Compressed | null,
): void {
  const taken = (coding: "br" | "gzip") => {
    const form = compressed?.[coding];
    return form && accepts(req.headers["accept-encoding"], coding) ? { coding, form } : null;
  };
  const sent = taken("br") ?? taken("gzip");
  const out = sent?.form ?? body;
  res.writeHead(status, {
    ...headers,
    ...(sent ? { "content-encoding": sent.coding } : {}),
    "content-length": String(out.length),
  });
  res.end(req.method === "HEAD" ? undefined : out);
}

/** A document made once and kept in both encodings under its tag: a 304 to that tag, else its bytes. */
export function sendTagged(
  req: IncomingMessage,
  res: ServerResponse,
  headers: OutgoingHttpHeaders,
  doc: { body: Buffer; etag: string } & Compressed,
): void {
  const tagged = { ...headers, etag: doc.etag };
  if (matchesEtag(req.headers["if-none-match"], doc.etag)) {
    res.writeHead(304, tagged);
    res.end();
    return;
  }
  sendBody(req, res, 200, tagged, doc.body, doc);
}
