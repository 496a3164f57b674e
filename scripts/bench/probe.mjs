// Preloaded into the app server by the bench (`node --expose-gc --import ./scripts/bench/probe.mjs`):
// answers the bench over the IPC channel with memory figures and CPU profiles. Not product code.
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import v8 from "node:v8";

let session = null;
let delay = null;

const commands = {
  async memory({ gc = false }) {
    if (gc && typeof globalThis.gc === "function") {
      globalThis.gc();
      await new Promise((r) => setImmediate(r));
      globalThis.gc();
    }
    const m = process.memoryUsage();
    const h = v8.getHeapStatistics();
    return { ...m, heapLimit: h.heap_size_limit, gcRan: gc && typeof globalThis.gc === "function" };
  },
  /** Event-loop delay: how long a ready callback can wait behind work on the one JS thread. */
  async delayStart() {
    delay?.disable();
    delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    return true;
  },
  async delayStop() {
    delay.disable();
    const ms = (ns) => ns / 1e6;
    const out = {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
    };
    delay = null;
    return out;
  },
  async profileStart() {
    session ??= new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    return true;
  },
  async profileStop({ file }) {
    const { profile } = await session.post("Profiler.stop");
    await session.post("Profiler.disable");
    session.disconnect();
    session = null;
    fs.writeFileSync(file, JSON.stringify(profile));
    return file;
  },
};

if (process.send) {
  process.channel?.unref();
  process.on("message", (m) => {
    const fn = commands[m?.cmd];
    if (!fn) return process.send({ id: m?.id, error: `unknown probe command ${m?.cmd}` });
    fn(m).then(
      (result) => process.send({ id: m.id, result }),
      (error) => process.send({ id: m.id, error: String(error?.message ?? error) }),
    );
  });
}
