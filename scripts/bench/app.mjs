// Starts the real app (NODE_ENV=production node dist/server.mjs) for the bench, with the probe
// preloaded, on its own port and data folder, and waits until it serves and has polled.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { benchEnv } from "./build.mjs";
import { sleep, startProcess } from "./proc.mjs";

/** GET with the body kept as sent (no decompression): { status, headers, body, ms }. */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

export async function getJson(url) {
  const r = await get(url);
  if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
  return JSON.parse(r.body.toString("utf8"));
}

export async function startApp({ root, name, port, dataDir, estateFile, env = {}, logDir }) {
  const proc = startProcess(
    name,
    process.execPath,
    [
      "--expose-gc",
      "--import",
      path.join(root, "scripts/bench/probe.mjs"),
      path.join(root, "dist/server.mjs"),
    ],
    {
      cwd: root,
      ipc: true,
      logFile: logDir ? path.join(logDir, `${name}.log`) : undefined,
      env: benchEnv({
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        STANDFAST_DATA_DIR: dataDir,
        ...(estateFile ? { STANDFAST_ESTATE: estateFile } : {}),
        ...env,
      }),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  let estateLine = null;
  let startupSteps = null;
  proc.onLine((line) => {
    if (/\] (estate|demo estate)\b.*components/.test(line)) estateLine = line;
    // server/boot.ts says how long each step of its start took.
    const steps = /\] start-up: (.*)$/.exec(line);
    if (steps) startupSteps = steps[1];
  });
  for (;;) {
    if (proc.exited)
      throw new Error(
        `${name} exited (${JSON.stringify(proc.exited)}) before serving:\n${proc.tail.join("\n")}`,
      );
    if (Date.now() - started > 300_000) throw new Error(`${name} did not serve within 300 s`);
    try {
      const r = await get(`${url}/api/v2/status.json`);
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  const counts = /(\d+) services, (\d+) components, (\d+) regions/.exec(estateLine ?? "");
  return Object.assign(proc, {
    url,
    dataDir,
    readyMs: Date.now() - started,
    startupSteps,
    estate: counts ? { services: +counts[1], components: +counts[2], regions: +counts[3] } : null,
    token: () => fs.readFileSync(path.join(dataDir, "admin-token"), "utf8").trim(),
  });
}

/** How many components have a reading, from /api/board. */
export async function coverage(app) {
  const board = await getJson(`${app.url}/api/board`);
  const list = Object.values(board.components);
  return { read: list.filter((c) => c.checkedAt).length, total: list.length, board };
}

/** Waits until the poller has read every component at least once (the board shows them all). */
export async function waitAllRead(app, { timeoutMs, onProgress }) {
  const started = Date.now();
  for (;;) {
    const { read, total } = await coverage(app);
    onProgress?.(read, total);
    if (total > 0 && read === total) return { ms: Date.now() - started, total };
    if (Date.now() - started > timeoutMs)
      throw new Error(`${app.name}: only ${read}/${total} components read after ${timeoutMs} ms`);
    await sleep(total > 2_000 ? 2_000 : 500);
  }
}
