import {
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { sql } from "drizzle-orm";

/** A 64-bit transaction id, read as its decimal text (it exceeds a JS number's exact range). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

export const regions = pgTable("regions", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  position: integer("position").notNull().default(0),
  retiredAt: ts("retired_at"),
});

export const services = pgTable("services", {
  id: text("id").primaryKey(),
  edition: text("edition").notNull(),
  units: integer("units").notNull(),
  region: text("region").notNull(),
  state: text("state").notNull().default("active"),
  stateReason: text("state_reason"),
  stateChangedAt: ts("state_changed_at").notNull().defaultNow(),
  origin: text("origin").notNull().default("estate"),
  /** The restore that created or replaced this service: only it may change it while restoring. */
  restoreId: text("restore_id"),
  position: integer("position").notNull().default(0),
  createdAt: ts("created_at").notNull().defaultNow(),
  retiredAt: ts("retired_at"),
});

export const components = pgTable("components", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  region: text("region").notNull(),
  source: jsonb("source").notNull(),
  intervalMs: integer("interval_ms").notNull(),
  timeoutMs: integer("timeout_ms").notNull(),
  staleAfterMs: integer("stale_after_ms").notNull(),
  attributes: jsonb("attributes").notNull().default({}),
  retiredAt: ts("retired_at"),
});

export const serviceComponents = pgTable(
  "service_components",
  {
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.componentId] }),
    index("service_components_component_idx").on(t.componentId),
  ],
);

/** One row per component: its current status as the poller last recorded it. */
export const componentStatus = pgTable(
  "component_status",
  {
    componentId: text("component_id")
      .primaryKey()
      .references(() => components.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    reason: text("reason"),
    since: ts("since").notNull(),
    checkedAt: ts("checked_at"),
    latencyMs: doublePrecision("latency_ms"),
    detail: jsonb("detail"),
    attemptAt: ts("attempt_at"),
    attemptError: text("attempt_error"),
    /**
     * The transaction that last wrote the row, set by a trigger on every insert and update: the
     * board's snapshot reads only rows written since its previous read (`lib/health/status-reader.ts`).
     */
    writtenXid: xid8("written_xid")
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [index("component_status_written_xid_idx").on(t.writtenXid)],
);

export const samples = pgTable(
  "health_samples",
  {
    componentId: text("component_id").notNull(),
    at: ts("at").notNull(),
    status: text("status").notNull(),
    latencyMs: doublePrecision("latency_ms"),
    reason: text("reason"),
  },
  (t) => [primaryKey({ columns: [t.componentId, t.at] }), index("health_samples_at_idx").on(t.at)],
);

const rollupColumns = {
  componentId: text("component_id").notNull(),
  bucket: ts("bucket").notNull(),
  samples: integer("samples").notNull(),
  up: integer("up").notNull(),
  degraded: integer("degraded").notNull(),
  down: integer("down").notNull(),
  unknown: integer("unknown").notNull(),
  latencySum: doublePrecision("latency_sum").notNull(),
  latencyCount: integer("latency_count").notNull(),
  latencyMax: doublePrecision("latency_max"),
  worst: text("worst").notNull(),
};

export const hourly = pgTable("health_hourly", rollupColumns, (t) => [
  primaryKey({ columns: [t.componentId, t.bucket] }),
  index("health_hourly_bucket_idx").on(t.bucket),
]);

export const daily = pgTable("health_daily", rollupColumns, (t) => [
  primaryKey({ columns: [t.componentId, t.bucket] }),
  index("health_daily_bucket_idx").on(t.bucket),
]);

export const statusChanges = pgTable(
  "status_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    componentId: text("component_id").notNull(),
    at: ts("at").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
  },
  (t) => [
    index("status_changes_component_at_idx").on(t.componentId, t.at),
    index("status_changes_at_idx").on(t.at),
  ],
);

/** Work that must run on one instance at a time (the poller) is held through a lease row. */
export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  acquiredAt: ts("acquired_at").notNull(),
  heartbeatAt: ts("heartbeat_at").notNull(),
  expiresAt: ts("expires_at").notNull(),
  beatEveryMs: integer("beat_every_ms").notNull(),
});

export const simulatedFaults = pgTable("simulated_faults", {
  componentId: text("component_id")
    .primaryKey()
    .references(() => components.id, { onDelete: "cascade" }),
  mode: text("mode").notNull(),
  status: text("status"),
  instancesDown: integer("instances_down"),
  reason: text("reason"),
  createdAt: ts("created_at").notNull().defaultNow(),
  until: ts("until"),
  createdBy: text("created_by").notNull(),
});

export const apiTokens = pgTable("api_tokens", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  role: text("role").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  lastUsedAt: ts("last_used_at"),
  revokedAt: ts("revoked_at"),
});

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull().defaultNow(),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    input: jsonb("input"),
    outcome: text("outcome").notNull(),
    detail: text("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action)],
);

export const estateMeta = pgTable("estate_meta", {
  id: integer("id").primaryKey().default(1),
  origin: text("origin").notNull(),
  source: text("source").notNull(),
  hash: text("hash").notNull(),
  version: integer("version").notNull().default(1),
  loadedAt: ts("loaded_at").notNull(),
  demo: boolean("demo").notNull().default(false),
});

/** The local fabric's copy of each service's configuration: what a backup holds. */
export const serviceConfigurations = pgTable("service_configurations", {
  serviceId: text("service_id")
    .primaryKey()
    .references(() => services.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(1),
  configuration: jsonb("configuration").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
});

export * from "./backups-schema";
export * from "./notifications-schema";
export * from "./auth-schema";
export * from "./incidents-schema";
export * from "./drills-schema";
export * from "./history-schema";
