// Bundles the custom server and the CLI with esbuild. Packages stay external; our code is bundled.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { precompressStatic } from "./precompress.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function bundle(entry, outfile) {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    // `server-only` throws outside React's server bundles; this process is all server.
    alias: { "server-only": path.join(root, "scripts/empty-module.js") },
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}

/**
 * The live board's own script, for the browser: one minified file the server puts inline in the
 * board page and also serves (server/board-live-script.ts). Kept apart from Next's scripts so the
 * board goes live as soon as it is parsed.
 */
export async function bundleBoardLive(outfile = "dist/board-live.js") {
  await build({
    entryPoints: [path.join(root, "components/board/live/start.ts")],
    outfile: path.resolve(root, outfile),
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    alias: { "@": root },
    legalComments: "none",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleBoardLive();
  const nextDir = path.join(root, process.env.STANDFAST_NEXT_DIR || ".next");
  console.log(`Brotli forms of Next's static files: ${precompressStatic(nextDir)} written`);
  await bundle("server/main.ts", "dist/server.mjs");
  await bundle("cli/standfast.ts", "dist/standfast.mjs");
  // The embedded store's template, which a new data folder copies (lib/db/pglite-template.ts).
  await bundle("server/store-template.ts", "dist/store-template.mjs");
  execFileSync(process.execPath, [path.join(root, "dist/store-template.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
}
