/**
 * The HTTP fuzz suite's app and tools: the production server on its own PostgreSQL database
 * (so the suite can watch every write the app makes), raw requests that send exactly the bytes
 * generated (malformed escapes included), and the callers: anonymous, each demo role signed in,
 * and the admin API token.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";
import pg from "pg";
import { installWriteWatch, writeMark, type Query } from "../testing/fuzz/writes";
import { ADMIN_TOKEN, APP_ENV } from "./env";
import { DEMO_ACCOUNTS, tempDataDir } from "./support";

const PG_URL =
  process.env.STANDFAST_TEST_PG_URL || "postgres://standfast:standfast@127.0.0.1:5432/postgres";
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const NEXT_DIR = path.join(ROOT, process.env.STANDFAST_NEXT_DIR || ".next");

export type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string };
export type RawRequest = {
  method: string;
  /** Exactly as sent on the request line: path and query, escapes unchecked. */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Sends one request as given (node:http checks only what HTTP itself forbids). */
export function send(base: string, request: RawRequest): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.target,
        // Node sends a DELETE's body with no length unless told: say it, as real clients do.
        headers: {
          ...request.headers,
          host: url.host,
          ...(request.body !== undefined
            ? { "content-length": String(Buffer.byteLength(request.body)) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    // A request the server never answers is a finding too: name it rather than wait forever.
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    req.end(request.body);
  });
}

export type Caller = { name: string; headers: Record<string, string> };

export type FuzzApp = {
  url: string;
  /** What the server printed last: the cause of a failure, for its message. */
  log(): string;
  query: Query;
  callers: Caller[];
  /** Waits until the app has stopped writing (start-up work, a job an accepted input queued). */
  settle(): Promise<number>;
  close(): Promise<void>;
};

/** The app on a fresh PostgreSQL database, with no poller, its writes watched, callers signed in. */
export async function startFuzzApp(port: number): Promise<FuzzApp> {
  const name = `standfast_fuzz_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const dataDir = tempDataDir();
  const app = await startServer(port, dataDir, {
    DATABASE_URL: url.toString(),
    STANDFAST_POLLER: "off",
    STANDFAST_BACKUP_TICK: "5m",
    STANDFAST_ADMIN_TOKEN: ADMIN_TOKEN!,
    STANDFAST_SIGN_IN_LIMIT: "10000/1m",
  });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const query: Query = async <T>(text: string) => (await client.query(text)).rows as T[];
  await installWriteWatch(query);

  const callers: Caller[] = [
    { name: "anonymous", headers: {} },
    { name: "admin token", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
  ];
  for (const role of ["viewer", "operator", "admin"] as const) {
    const answer = await send(app.url, {
      method: "POST",
      target: "/api/auth/sign-in/email",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify(DEMO_ACCOUNTS[role]),
    });
    expect(answer.status, answer.text).toBe(200);
    const cookie = ([] as string[])
      .concat(answer.headers["set-cookie"] ?? [])
      .map((c) => c.split(";")[0])
      .join("; ");
    callers.push({ name: `${role} session`, headers: { cookie } });
  }

  const settle = async () => {
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await writeMark(query);
          const still = now === last;
          last = now;
          return still;
        },
        { message: "the app stops writing", intervals: [300], timeout: 60_000 },
      )
      .toBe(true);
    return last;
  };

  return {
    url: app.url,
    log: app.log,
    query,
    callers,
    settle,
    async close() {
      await client.end().catch(() => {});
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      const dropper = new pg.Client({ connectionString: PG_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await dropper.end();
    },
  };
}

/** Every server action in the build, from Next's manifest: id, name, and the pages that hold it. */
export function serverActions(): { id: string; name: string; pages: string[] }[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(NEXT_DIR, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    pages: Object.keys(entry.workers).filter((w) => !w.startsWith("app/_")),
  }));
}

/** Every page route in the build ("/backups/[backupId]"), from Next's manifest. */
export function pageRoutes(): string[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(NEXT_DIR, "server", "app-paths-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/page") && !k.startsWith("/_"))
    .map((k) => k.slice(0, -"/page".length) || "/");
}

/** The production server on `port`, its output kept (the last 20 kB) for failure messages. */
async function startServer(port: number, dataDir: string, env: Record<string, string>) {
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["dist/server.mjs"], {
    cwd: ROOT,
    env: { ...process.env, ...APP_ENV, PORT: String(port), STANDFAST_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    // A server whose event loop is stuck never handles SIGTERM.
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(kill);
  };
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`);
          return fetch(`${url}/api/v2/status.json`).then(
            (r) => r.status,
            () => 0,
          );
        },
        { message: `the app on ${url} starts`, timeout: 90_000 },
      )
      .toBe(200);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, log: () => output };
}
