// Chromium page-load measurements: time until the board is drawn (all cells present and, for
// the app, hydrated), and every byte the load transferred, from CDP Network events.
import fs from "node:fs";
import { chromium } from "@playwright/test";

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export async function launchBrowser() {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-extensions",
    ],
  });
  return { browser, executable: executablePath ?? "playwright's bundled chromium" };
}

/**
 * Runs in the page before any of its scripts. Checks on every frame (and a 4 ms timer, for frames
 * the page is too busy to give) until the board is in the DOM and shown: a line or block for each
 * of `expected.services` services and a platform cell for each of `expected.cells` kinds×regions.
 * Then, when `hydrate` is set, until the live board has taken over (its script runs and its
 * controls work, as React's hydration did for the old board). `drawn` is taken after the next frame.
 */
function detector({ expected, hydrate }) {
  const b = (window.__bench = { cells: null, fiber: null, hydrated: null, drawn: null });
  let timer = 0;
  const check = () => {
    if (b.hydrated !== null) return;
    if (b.cells === null) {
      const services = document.querySelectorAll("#board [data-service]");
      const cells = document.getElementsByClassName("pcell");
      if (services.length < expected.services || cells.length < expected.cells) return;
      if (services[services.length - 1].closest("[hidden]")) return;
      b.cells = performance.now();
    }
    if (hydrate) {
      // The live board runs (its controls work): "started", or "ready" once its data is drawn.
      const live = document.getElementById("board")?.dataset.live;
      if (live !== "started" && live !== "ready") return;
      b.fiber = performance.now();
    }
    b.hydrated = performance.now();
    clearInterval(timer);
    // rAF runs before the frame's style, layout and paint; a message posted from it runs after.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (b.drawn = performance.now());
      channel.port2.postMessage(0);
    });
  };
  const frame = () => {
    check();
    if (b.hydrated === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  timer = setInterval(check, 4);
}

/** One cold page load in a fresh context: draw timings and transferred bytes. */
export async function measureLoad(
  browser,
  url,
  { expected, hydrate, timeoutMs = 60_000, profile, snapshotDom = false },
) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(detector, { expected, hydrate });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const requests = new Map();
    let lastActivity = Date.now();
    cdp.on("Network.responseReceived", (e) => {
      lastActivity = Date.now();
      const r = requests.get(e.requestId) ?? { id: e.requestId };
      r.url = e.response.url;
      r.type = e.type;
      r.status = e.response.status;
      r.encoding = e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"];
      r.fromCache = e.response.fromDiskCache || e.response.fromServiceWorker;
      requests.set(e.requestId, r);
    });
    cdp.on("Network.requestWillBeSent", () => (lastActivity = Date.now()));
    cdp.on("Network.loadingFinished", (e) => {
      lastActivity = Date.now();
      const r = requests.get(e.requestId) ?? { id: e.requestId };
      r.transfer = e.encodedDataLength;
      requests.set(e.requestId, r);
    });
    if (profile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    await page.goto(url, { waitUntil: "commit", timeout: timeoutMs });
    await page.waitForFunction(() => window.__bench?.drawn !== null, null, {
      timeout: timeoutMs,
      polling: 50,
    });
    if (profile)
      fs.writeFileSync(profile, JSON.stringify((await cdp.send("Profiler.stop")).profile));
    // Let the load settle (anything the page fetches right after drawing counts), then read.
    const quietSince = Date.now();
    while (Date.now() - lastActivity < 500 && Date.now() - quietSince < 5_000)
      await new Promise((r) => setTimeout(r, 100));
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const paint = Object.fromEntries(
        performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]),
      );
      const resources = performance.getEntriesByType("resource").map((r) => ({
        name: r.name,
        initiatorType: r.initiatorType,
        transferSize: r.transferSize,
        encodedBodySize: r.encodedBodySize,
        decodedBodySize: r.decodedBodySize,
      }));
      return {
        ...window.__bench,
        responseStart: nav.responseStart,
        responseEnd: nav.responseEnd,
        domInteractive: nav.domInteractive,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        documentTransfer: nav.transferSize,
        documentEncodedBody: nav.encodedBodySize,
        documentDecodedBody: nav.decodedBodySize,
        fcp: paint["first-contentful-paint"] ?? null,
        resources,
        domNodes: document.getElementsByTagName("*").length,
        cellCount: document.getElementsByClassName("pcell").length,
      };
    });
    const dom = snapshotDom ? await page.content() : null;
    const list = [...requests.values()].filter((r) => r.transfer !== undefined);
    const bytes = { total: 0, byType: {} };
    for (const r of list) {
      bytes.total += r.transfer;
      bytes.byType[r.type ?? "Other"] = (bytes.byType[r.type ?? "Other"] ?? 0) + r.transfer;
    }
    const scripts = list
      .filter((r) => r.type === "Script")
      .map((r) => ({
        url: new URL(r.url).pathname,
        transfer: r.transfer,
        encoding: r.encoding ?? "identity",
        encodedBody: marks.resources.find((x) => x.name === r.url)?.encodedBodySize ?? null,
        decodedBody: marks.resources.find((x) => x.name === r.url)?.decodedBodySize ?? null,
      }));
    const failed = list
      .filter((r) => r.status >= 400)
      .map((r) => `${r.status} ${new URL(r.url).pathname}`);
    return { marks, bytes, requests: list.length, scripts, failed, dom };
  } finally {
    await context.close();
  }
}
