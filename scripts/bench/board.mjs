// Sections 2 and 4: the board drawn in Chromium (cold loads, app next to a static copy of the same
// page on bare node:http), the bytes each load transfers, and the JS `/` loads, cross-checked
// against the build output.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { get } from "./app.mjs";
import { launchBrowser, measureLoad } from "./browser.mjs";
import { NEXT_DIR } from "./build.mjs";
import { freePort, sleep, startProcess } from "./proc.mjs";
import { median } from "./stats.mjs";

/**
 * The board as the browser finally shows it, with no JavaScript: the app page's DOM after
 * hydration, every script and script preload removed, padded to the app document's byte size.
 * The browser parses, styles, lays out and paints the same markup, and runs nothing.
 */
export function staticCopy(finalDom, size) {
  let out = finalDom
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*\/?>/g, "");
  const missing = size - Buffer.byteLength(out);
  if (missing > 9) out = out.replace("</body>", `<!--${"x".repeat(missing - 7)}--></body>`);
  return out;
}

async function startStaticServer(root, tmp, logDir, appUrl, html, finalDom) {
  const stylesheets = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1],
  );
  const routes = {};
  const page = Buffer.from(staticCopy(finalDom, Buffer.byteLength(html)));
  const write = (name, data) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, data);
    return file;
  };
  routes["/board.html"] = {
    body: write("static-board.html", page),
    gzip: write("static-board.html.gz", gzipSync(page, { level: 6 })),
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  };
  for (const href of stylesheets) {
    const css = (await get(appUrl + href)).body;
    const name = `static-${path.basename(href)}`;
    routes[href] = {
      body: write(name, css),
      gzip: write(`${name}.gz`, gzipSync(css, { level: 6 })),
      headers: { "content-type": "text/css; charset=utf-8" },
    };
  }
  const port = await freePort();
  const routesFile = write(`static-routes-${port}.json`, JSON.stringify(routes));
  const proc = startProcess(
    `static-${port}`,
    process.execPath,
    [path.join(root, "scripts/bench/bare-server.mjs"), String(port), routesFile],
    { cwd: root, logFile: path.join(logDir, `static-${port}.log`) },
  );
  const url = `http://127.0.0.1:${port}/board.html`;
  for (let i = 0; ; i++) {
    try {
      if ((await get(url)).status === 200) break;
    } catch {
      if (i > 100 || proc.exited) throw new Error(`static server did not start: ${proc.tail}`);
      await sleep(100);
    }
  }
  return Object.assign(proc, { url, bytes: page.length });
}

/** The client JS of `/` according to the build: root main files plus the entry chunks of its segments. */
export function buildJs(root, htmlScripts, withBoardLive = false) {
  const dir = path.join(root, NEXT_DIR);
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  const manifest = read("build-manifest.json");
  // Which app page serves `/` (it may sit in a route group, such as /(board)/page).
  const routes = read("app-path-routes-manifest.json");
  const page = Object.keys(routes).find((k) => routes[k] === "/" && k.endsWith("/page"));
  if (!page) throw new Error("no app page for / in app-path-routes-manifest.json");
  const holder = { self: {} };
  const code = fs.readFileSync(
    path.join(dir, "server/app", `${page}_client-reference-manifest.js`),
    "utf8",
  );
  new Function("globalThis", "self", code)(holder, holder.self);
  const rsc = (holder.__RSC_MANIFEST ?? holder.self.__RSC_MANIFEST)[page];
  const segments = Object.keys(rsc.entryJSFiles).filter((k) =>
    /^\[project\]\/app\/(.*\/)?(layout|page|error|not-found|loading|template)$/.test(k),
  );
  const files = new Set([
    ...manifest.rootMainFiles,
    ...segments.flatMap((k) => rsc.entryJSFiles[k]),
  ]);
  const polyfills = new Set(manifest.polyfillFiles);
  const list = [...files]
    .filter((f) => !polyfills.has(f))
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f));
      const gzip = gzipSync(raw, { level: 6 }).length;
      // What the server sends a browser that takes Brotli: the build's own (scripts/precompress.mjs).
      const br = fs.existsSync(path.join(dir, `${f}.br`))
        ? fs.statSync(path.join(dir, `${f}.br`)).size
        : null;
      return { file: `/_next/${f}`, raw: raw.length, gzip, sent: br ?? gzip };
    });
  const inBuild = new Set(list.map((f) => f.file));
  // The live board's own script, which the server puts inline in the page.
  if (withBoardLive) {
    const raw = fs.readFileSync(path.join(root, "dist/board-live.js"));
    const gzip = gzipSync(raw, { level: 6 }).length;
    list.push({ file: "(inline) dist/board-live.js", raw: raw.length, gzip, sent: gzip });
  }
  return {
    page,
    files: list,
    raw: list.reduce((a, f) => a + f.raw, 0),
    gzip: list.reduce((a, f) => a + f.gzip, 0),
    sent: list.reduce((a, f) => a + f.sent, 0),
    segments,
    onlyInBrowser: htmlScripts.filter((s) => !inBuild.has(s)),
    onlyInBuild: [...inBuild].filter((s) => !htmlScripts.includes(s)),
  };
}

export async function benchBoard({
  root,
  app,
  tmp,
  logDir,
  quick,
  profileDir,
  log,
  expected: components,
}) {
  const runs = quick ? 3 : 7;
  const html = (await get(`${app.url}/`)).body.toString("utf8");
  // Drawn: every service's line or block and every platform cell (kinds × regions) shown.
  const live = JSON.parse((await get(`${app.url}/api/board`)).body.toString("utf8"));
  const expected = { services: live.services.length, cells: live.regions.length * 4 };
  const { browser, executable } = await launchBrowser();
  const out = {
    expected: components,
    drawnWhen: expected,
    runs,
    executable,
    browserVersion: browser.version(),
  };
  let staticServer = null;
  try {
    const appRuns = [];
    const baseRuns = [];
    // One warm-up load of each (JIT, connection setup, server caches), then alternate. The app's
    // warm-up also gives the final DOM the static copy is made from.
    const warm = await measureLoad(browser, `${app.url}/`, {
      expected,
      hydrate: true,
      snapshotDom: true,
    });
    staticServer = await startStaticServer(root, tmp, logDir, app.url, html, warm.dom);
    await measureLoad(browser, staticServer.url, { expected, hydrate: false });
    for (let i = 0; i < runs; i++) {
      const a = await measureLoad(browser, `${app.url}/`, { expected, hydrate: true });
      const b = await measureLoad(browser, staticServer.url, { expected, hydrate: false });
      appRuns.push(a);
      baseRuns.push(b);
      log(
        `  load ${i + 1}/${runs}: app drawn ${Math.round(a.marks.drawn)} ms ` +
          `(HTML ${Math.round(a.marks.responseEnd)}, cells ${Math.round(a.marks.cells)}, hydrated ${Math.round(a.marks.hydrated)}), ` +
          `static ${Math.round(b.marks.drawn)} ms`,
      );
    }
    // A profiled load comes after the measured ones, so the profiler's overhead skews none of them.
    if (profileDir)
      await measureLoad(browser, `${app.url}/`, {
        expected,
        hydrate: true,
        profile: path.join(profileDir, "board-page.cpuprofile"),
      });
    const m = (list, key) => median(list.map((r) => r.marks[key]));
    const timeline = (list) =>
      Object.fromEntries(
        [
          "responseStart",
          "responseEnd",
          "fcp",
          "cells",
          "domContentLoaded",
          "load",
          "fiber",
          "hydrated",
          "drawn",
        ].map((k) => [k, m(list, k)]),
      );
    const first = appRuns[0];
    const bytes = median(appRuns.map((r) => r.bytes.total));
    const jsEncoded = first.scripts.reduce((s, x) => s + (x.encodedBody ?? 0), 0);
    const jsTransfer = first.scripts.reduce((s, x) => s + x.transfer, 0);
    const htmlScripts = first.scripts.map((s) => s.url);
    out.app = {
      timeline: timeline(appRuns),
      drawnAll: appRuns.map((r) => Math.round(r.marks.drawn)),
      domNodes: first.marks.domNodes,
      cells: first.marks.cellCount,
      htmlBytes: first.marks.documentDecodedBody,
      htmlGzipBytes: first.marks.documentEncodedBody,
      bytes,
      bytesByType: first.bytes.byType,
      requests: first.requests,
      failed: first.failed,
    };
    out.baseline = {
      timeline: timeline(baseRuns),
      drawnAll: baseRuns.map((r) => Math.round(r.marks.drawn)),
      htmlBytes: staticServer.bytes,
      bytes: median(baseRuns.map((r) => r.bytes.total)),
    };
    out.ratio = out.app.timeline.drawn / out.baseline.timeline.drawn;
    // The live board's script comes inline in the page (in the HTML's bytes): counted here as well.
    const inline = html.match(
      /<div id="board-root">[\s\S]*?<script>([\s\S]*?)<\/script><\/div>/,
    )?.[1];
    const inlineGzip = inline ? gzipSync(inline, { level: 6 }).length : 0;
    out.js = {
      inline: { raw: inline ? Buffer.byteLength(inline) : 0, gzip: inlineGzip },
      browser: {
        encodedBody: jsEncoded + inlineGzip,
        files: jsEncoded,
        transfer: jsTransfer,
        decoded: first.scripts.reduce((s, x) => s + (x.decodedBody ?? 0), 0),
        scripts: first.scripts,
        // How each script came: Brotli or gzip, or as it is (only a small one should).
        encodings: first.scripts.reduce((n, x) => {
          const plain = x.encoding === "identity";
          const e = !plain ? x.encoding : (x.decodedBody ?? 0) < 1024 ? "none (small)" : "NONE";
          return { ...n, [e]: (n[e] ?? 0) + 1 };
        }, {}),
      },
      build: (() => {
        try {
          return buildJs(root, htmlScripts, inline !== undefined);
        } catch (error) {
          return { error: error.message };
        }
      })(),
    };
  } finally {
    await browser.close().catch(() => {});
    await staticServer?.stop();
  }
  return out;
}
