// Restore request latency: from POST /api/restores to the durable job's row (the 202 answer),
// next to a baseline in the same run: a POST that takes an on-demand backup request (the same
// stack: auth, validation, one transaction with an audit row), and bare node:http.
import http from "node:http";
import path from "node:path";
import { startApp } from "./app.mjs";
import { freePort, sleep } from "./proc.mjs";

function post(url, body, token) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const started = process.hrtime.bigint();
    const req = http.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": data.length,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function getJson(url, token) {
  const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return r.json();
}

const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function bare(n) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(202, { "content-type": "application/json" });
      res.end('{"status":"queued"}');
    });
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const times = [];
  for (let i = 0; i < n; i++) times.push((await post(`http://127.0.0.1:${port}/`, { i })).ms);
  server.close();
  return times;
}

export async function benchRestore({ root, tmp, logDir, quick, profileDir, log }) {
  const n = quick ? 30 : 100;
  const app = await startApp({
    root,
    name: "app-restore",
    port: await freePort(),
    dataDir: path.join(tmp, "data-restore"),
    logDir,
    env: { STANDFAST_BACKUP_TICK: "200ms" },
  });
  try {
    const token = app.token();
    // A fresh backup of a standard-edition service to restore from.
    const taken = await post(`${app.url}/api/backups`, { service: "fabrikam-b2b" }, token);
    if (taken.status !== 202) throw new Error(`backup request: ${taken.status} ${taken.body}`);
    const backupId = JSON.parse(taken.body).id;
    for (let i = 0; ; i++) {
      const b = await getJson(`${app.url}/api/backups/${backupId}`, token);
      if (b.status === "succeeded") break;
      if (b.status === "failed" || i > 200) throw new Error(`backup did not succeed: ${b.error}`);
      await sleep(100);
    }
    // Wait for the board to know the target region (restores check its health).
    for (let i = 0; i < 100; i++) {
      const board = await getJson(`${app.url}/api/board`, token);
      if (board.regions?.find((r) => r.id === "eastus")?.status === "operational") break;
      await sleep(200);
    }
    log(`  restore: backup ready; ${n} restore requests, each into a new target…`);
    const restore = [];
    const backup = [];
    const requestPair = async (i, times = { restore, backup }) => {
      const target = `bench-r-${String(i).padStart(4, "0")}`;
      const r = await post(
        `${app.url}/api/restores`,
        {
          backupId,
          target,
          region: "eastus",
          edition: "standard",
          trackingDatabase: `${target}-db`,
          storage: `benchr${i}`,
          confirm: target,
          idempotencyKey: `bench-${i}-${Date.now()}`,
        },
        token,
      );
      if (r.status !== 202) throw new Error(`restore ${i}: ${r.status} ${r.body}`);
      times.restore.push(r.ms);
      const b = await post(
        `${app.url}/api/backups`,
        { service: "fabrikam-eai", name: `bench-b-${i}` },
        token,
      );
      if (b.status !== 202) throw new Error(`backup ${i}: ${b.status} ${b.body}`);
      times.backup.push(b.ms);
    };
    for (let i = 0; i < n; i++) await requestPair(i);
    if (profileDir) {
      // A profiled pass comes after the measured one and is not counted: profiling slows the app.
      await app.ask("profileStart");
      for (let i = n; i < n + 30; i++) await requestPair(i, { restore: [], backup: [] });
      await app.ask("profileStop", { file: path.join(profileDir, "restore-requests.cpuprofile") });
    }
    const bareTimes = await bare(n);
    const out = {
      n,
      restore: { p50: pct(restore, 50), p95: pct(restore, 95), max: Math.max(...restore) },
      backupRequest: { p50: pct(backup, 50), p95: pct(backup, 95) },
      bare: { p50: pct(bareTimes, 50), p95: pct(bareTimes, 95) },
    };
    log(
      `  restore request p50 ${out.restore.p50.toFixed(1)} ms, p95 ${out.restore.p95.toFixed(1)} ms; backup request p95 ${out.backupRequest.p95.toFixed(1)} ms; bare p95 ${out.bare.p95.toFixed(2)} ms`,
    );
    return out;
  } finally {
    await app.stop(30_000);
  }
}

/** The report's rows: request-to-durable-job latency against the same run's baselines. */
export function restoreRows(r, { ratio, verdict, ms }) {
  return [
    [
      `restore request → durable job, p95 (${r.n} requests, each pre-flight incl. archive check)`,
      ms(r.restore.p95),
      `${ms(r.backupRequest.p95)} backup request`,
      ratio(r.restore.p95 / r.backupRequest.p95),
      "≤ 300 ms",
      verdict(r.restore.p95 <= 300),
    ],
    [
      `  p50 / max`,
      `${ms(r.restore.p50)} / ${ms(r.restore.max)}`,
      `${r.bare.p95.toFixed(2)} ms bare node:http p95`,
      "",
      "",
      "",
    ],
  ];
}
