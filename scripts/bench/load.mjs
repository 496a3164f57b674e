// One autocannon run in its own process, so the load generator never shares a thread with
// the bench's other work. Prints one JSON line with the figures the bench needs.
//   node scripts/bench/load.mjs '{"url":"http://127.0.0.1:3410/x","connections":10,"duration":10}'
import autocannon from "autocannon";

const options = JSON.parse(process.argv[2] ?? "{}");
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await autocannon({
  url: options.url,
  connections: options.connections ?? 10,
  pipelining: 1,
  duration: options.duration ?? 10,
  headers: options.headers ?? {},
});
const cpu = process.cpuUsage(cpu0);
const wallMs = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    url: options.url,
    duration: result.duration,
    connections: result.connections,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    bytesPerSec: result.throughput.total / result.duration,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    // Near 100% means the load generator, not the server, set the pace.
    loadgenCpuPct: (100 * (cpu.user + cpu.system)) / 1000 / wallMs,
  }) + "\n",
);
