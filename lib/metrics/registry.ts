/** The Prometheus registry and its metrics, made once per process (on globalThis: bundles share it). */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { setPollObserver } from "../health";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const m = {
    registry,
    componentStatus: new Gauge({
      name: "standfast_component_status",
      help: "1 for each component's current status (label status), unknown when its data is stale",
      labelNames: ["component", "region", "kind", "status"] as const,
      registers: [registry],
    }),
    serviceStatus: new Gauge({
      name: "standfast_service_status",
      help: "1 for each service's rolled-up status (label status)",
      labelNames: ["service", "region", "status"] as const,
      registers: [registry],
    }),
    overall: new Gauge({
      name: "standfast_overall_status",
      help: "1 for the board's overall indicator (none, minor, major, critical, maintenance, unknown)",
      labelNames: ["indicator"] as const,
      registers: [registry],
    }),
    boardAge: new Gauge({
      name: "standfast_board_age_seconds",
      help: "Seconds since the statuses served were read from the store",
      registers: [registry],
    }),
    pollerRunning: new Gauge({
      name: "standfast_poller_running",
      help: "1 while some instance holds the poller lease and beats, else 0",
      registers: [registry],
    }),
    pollDuration: new Histogram({
      name: "standfast_poll_duration_seconds",
      help: "Duration of component reads made by this instance's poller",
      labelNames: ["outcome"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    pollFailures: new Counter({
      name: "standfast_poll_failures_total",
      help: "Component reads by this instance's poller that failed (error or timeout)",
      registers: [registry],
    }),
    backupAge: new Gauge({
      name: "standfast_backup_age_seconds",
      help: "Seconds since each service's newest successful backup; +Inf when it has none",
      labelNames: ["service"] as const,
      registers: [registry],
    }),
    backups: new Gauge({
      name: "standfast_backups",
      help: "Backups by status",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    restores: new Gauge({
      name: "standfast_restores",
      help: "Restores by status",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    deliveries: new Gauge({
      name: "standfast_notification_deliveries",
      help: "Notification deliveries by status",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
  };
  setPollObserver((ok, seconds) => {
    m.pollDuration.observe({ outcome: ok ? "ok" : "failed" }, seconds);
    if (!ok) m.pollFailures.inc();
  });
  return m;
}

export type Metrics = ReturnType<typeof create>;
const KEY = Symbol.for("standfast.metrics");

export function getMetrics(): Metrics {
  const holder = globalThis as { [KEY]?: Metrics };
  return (holder[KEY] ??= create());
}
