// Child processes for the bench: spawned in their own process group, tracked, and killed on
// every way out (normal end, error, Ctrl-C). Also CPU and memory readings from /proc.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

const children = new Set();
const oneShots = new Set();
const cleanups = [];
let exiting = false;

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Runs `fn` at exit (also after a failure or a signal); last registered runs first. */
export function onCleanup(fn) {
  cleanups.unshift(fn);
}

export async function cleanupAll() {
  await Promise.allSettled([...children].map((c) => c.stop()));
  for (const fn of cleanups.splice(0)) {
    try {
      await fn();
    } catch (error) {
      console.error(`[bench] cleanup: ${error.message}`);
    }
  }
}

export function installExitHandlers() {
  process.on("exit", () => {
    for (const c of children) killGroup(c.child, "SIGKILL");
    for (const c of oneShots) c.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (exiting) return;
      exiting = true;
      console.error(`\n[bench] ${signal}: stopping everything I started…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}

/**
 * Starts a long-running process in its own group. Keeps the last lines of its output for error
 * messages. `ipc` opens a message channel (used by probe.mjs inside the app server).
 */
export function startProcess(name, command, args, { env, cwd, ipc = false, logFile } = {}) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe", ...(ipc ? ["ipc"] : [])],
  });
  const tail = [];
  const log = logFile ? fs.createWriteStream(logFile) : null;
  const listeners = new Set();
  const onData = (chunk) => {
    log?.write(chunk);
    for (const line of chunk.toString().split("\n")) {
      if (!line) continue;
      tail.push(line);
      if (tail.length > 60) tail.shift();
      for (const l of listeners) l(line);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  let exited = null;
  const exit = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      log?.end();
      resolve(exited);
    }),
  );
  let nextId = 1;
  const pending = new Map();
  if (ipc)
    child.on("message", (m) => {
      const p = pending.get(m?.id);
      if (p) {
        pending.delete(m.id);
        if (m.error) p.reject(new Error(m.error));
        else p.resolve(m.result);
      }
    });
  const handle = {
    name,
    child,
    pid: child.pid,
    tail,
    exit,
    get exited() {
      return exited;
    },
    onLine(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Asks probe.mjs in the child for something (memory, CPU profile). */
    ask(cmd, args = {}, timeoutMs = 60_000) {
      if (!ipc || !child.connected) return Promise.reject(new Error(`${name}: no probe channel`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: probe did not answer ${cmd}`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        child.send({ id, cmd, ...args });
      });
    },
    /** SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
    async stop(graceMs = 10_000) {
      if (exited) {
        children.delete(handle);
        return exited;
      }
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
      const result = await exit;
      clearTimeout(timer);
      // The group may hold grandchildren; make sure none outlive their parent.
      killGroup(child, "SIGKILL");
      children.delete(handle);
      return result;
    },
  };
  children.add(handle);
  return handle;
}

/** Runs a command to completion (output captured), for one-shot helpers like load.mjs. */
export function runJson(command, args, { env, cwd, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    oneShots.add(child);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      oneShots.delete(child);
      if (code !== 0) return reject(new Error(`${args.join(" ")} exited ${code}: ${err.trim()}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()));
      } catch {
        reject(new Error(`no JSON from ${args[0]}: ${out.slice(0, 300)} ${err.slice(0, 300)}`));
      }
    });
  });
}

const TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

/** Resident and peak resident memory of a process, in bytes. */
export function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb("VmRSS"), peakRss: kb("VmHWM") };
}

/** Starts a new peak-RSS window (Linux: writing 5 to clear_refs resets VmHWM). */
export function resetPeakRss(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

const taken = new Set();
/** The next free port in the bench's own range, 3400-3499. */
export async function freePort() {
  for (let port = 3400; port <= 3499; port++) {
    if (taken.has(port)) continue;
    if (await portFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error("no free port in 3400-3499");
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
