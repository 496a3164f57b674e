// Brotli forms of Next's static files, made once at build time at the highest quality (too slow to
// make on a request: about 0.8 s for the board's scripts), beside each file as `<name>.br`. The
// server sends them to browsers that take Brotli (server/static-assets.ts), checking first that
// each decodes to its file. Run by scripts/build-server.mjs after `next build`.
import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { BROTLI_SUFFIX, isCompressible } from "../server/compressible.mjs";

/** Writes `<file>.br` for each file under `<nextDir>/static` the server sends compressed; returns how many. */
export function precompressStatic(nextDir) {
  const root = path.join(nextDir, "static");
  if (!fs.existsSync(root)) return 0;
  let made = 0;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const body = fs.readFileSync(file);
    if (!isCompressible(path.extname(file), body.length)) continue;
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    // Written whole, then renamed: a server reading it never sees half a file.
    const target = file + BROTLI_SUFFIX;
    fs.writeFileSync(`${target}.tmp`, br);
    fs.renameSync(`${target}.tmp`, target);
    made++;
  }
  return made;
}
