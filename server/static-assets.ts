import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants, gzip as gzipCallback } from "node:zlib";
import { BROTLI_SUFFIX, isCompressible } from "./compressible.mjs";
import { sendTagged } from "./conditional";

const gzip = promisify(gzipCallback);
const brotli = promisify(brotliCompress);
const unbrotli = promisify(brotliDecompress);
/** Brotli made here, when the build left none: quick, a little larger than the build's. */
const QUICK_BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
const PREFIX = "/_next/static/";
const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

type Asset = { body: Buffer; gzip: Buffer | null; br: Buffer | null; etag: string; type: string };

/** The build's Brotli form of `body` (scripts/precompress.mjs) when it decodes to exactly `body`; else one made now. */
async function brotliOf(file: string, body: Buffer): Promise<Buffer> {
  const built = await readFile(file + BROTLI_SUFFIX).catch(() => null);
  if (built) {
    const decoded = await unbrotli(built).catch(() => null);
    if (decoded?.equals(body)) return built;
  }
  return brotli(body, QUICK_BROTLI);
}

/**
 * Next's build output under /_next/static/, answered by the custom server from memory: each file
 * is read, compressed (Brotli, as the build made it when it did, and gzip) and tagged once, the
 * first time it is asked for, where Next's handler routes and compresses it again for every
 * request. Every cold load of a page asks for a dozen of them at once, as the browser is busy
 * drawing; on a small machine that work competed with it. The names
 * are content hashes, so a file never changes under its name: cached for a year, immutable. What
 * this does not find (or any request with a query or a range) goes on to Next, as before.
 */
export function createStaticAssets(nextDir: string) {
  const root = path.resolve(nextDir, "static");
  const assets = new Map<string, Promise<Asset | null>>();

  async function load(file: string): Promise<Asset | null> {
    const ext = path.extname(file);
    const type = TYPES[ext];
    if (!type) return null;
    const body = await readFile(file).catch(() => null);
    if (!body) return null;
    const [zipped, br] = isCompressible(ext, body.length)
      ? await Promise.all([gzip(body, { level: 6 }), brotliOf(file, body)])
      : [null, null];
    return {
      body,
      gzip: zipped,
      br,
      etag: `W/"${createHash("sha1").update(body).digest("base64url")}"`,
      type,
    };
  }

  /** The file a request names inside the static folder, or null. */
  function fileOf(req: IncomingMessage): string | null {
    const url = req.url ?? "";
    if (!url.startsWith(PREFIX) || url.includes("?") || req.headers.range !== undefined)
      return null;
    let rel: string;
    try {
      rel = decodeURIComponent(url.slice(PREFIX.length));
    } catch {
      return null;
    }
    const file = path.resolve(root, rel);
    return file.startsWith(root + path.sep) && !rel.includes("\0") ? file : null;
  }

  const headersOf = (asset: Asset) => ({
    "content-type": asset.type,
    "cache-control": "public, max-age=31536000, immutable",
    vary: "Accept-Encoding",
  });

  /** Answers a static asset and returns true, or returns false to pass the request on. */
  return function staticAsset(
    req: IncomingMessage,
    res: ServerResponse,
    passOn: (req: IncomingMessage, res: ServerResponse) => void,
  ): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const file = fileOf(req);
    if (!file) return false;
    let pending = assets.get(file);
    if (!pending) {
      pending = load(file).catch(() => null);
      assets.set(file, pending);
      // A file that is not there (yet) is asked for again next time, not remembered as missing.
      void pending.then((asset) => asset ?? assets.delete(file));
    }
    void pending.then((asset) =>
      asset ? sendTagged(req, res, headersOf(asset), asset) : passOn(req, res),
    );
    return true;
  };
}
