import {
  bigint,
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
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
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

/** Management operations: configuration changes made through Standfast or seen in Azure's activity log. */
export const managementOperations = pgTable(
  "management_operations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    serviceId: text("service_id").notNull(),
    kind: text("kind").notNull(),
    summary: text("summary").notNull(),
    detail: jsonb("detail"),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    at: ts("at").notNull().defaultNow(),
    source: text("source").notNull().default("standfast"),
    externalId: text("external_id"),
    configVersion: integer("config_version"),
  },
  (t) => [
    index("management_operations_service_at_idx").on(t.serviceId, t.at),
    // An activity-log entry on a shared resource counts once for each service that uses it.
    uniqueIndex("management_operations_external_idx").on(t.serviceId, t.externalId),
  ],
);

/**
 * Every backup, from request to outcome. Rows are claimed by workers with SKIP LOCKED; a scheduled
 * backup's (service, slot) is unique, so a due backup is taken once however many instances run.
 */
export const backups = pgTable(
  "backups",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    serviceId: text("service_id").notNull(),
    storeId: text("store_id").notNull(),
    region: text("region").notNull(),
    trigger: text("trigger").notNull(),
    status: text("status").notNull().default("queued"),
    checksum: text("checksum").notNull().default("unverified"),
    requestedAt: ts("requested_at").notNull().defaultNow(),
    requestedBy: text("requested_by").notNull(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    heartbeatAt: ts("heartbeat_at"),
    workerId: text("worker_id"),
    progress: doublePrecision("progress"),
    sizeBytes: integer("size_bytes"),
    sha256: text("sha256"),
    location: text("location"),
    manifest: jsonb("manifest"),
    error: text("error"),
    log: jsonb("log").notNull().default([]),
    scheduleSlot: ts("schedule_slot"),
    operationId: integer("operation_id"),
    prunedAt: ts("pruned_at"),
  },
  (t) => [
    index("backups_service_requested_idx").on(t.serviceId, t.requestedAt),
    index("backups_status_idx").on(t.status),
    uniqueIndex("backups_store_region_name_idx").on(t.storeId, t.region, t.name),
    uniqueIndex("backups_schedule_slot_idx").on(t.serviceId, t.scheduleSlot),
  ],
);

export const backupSchedules = pgTable("backup_schedules", {
  serviceId: text("service_id")
    .primaryKey()
    .references(() => services.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(true),
  frequencyMs: bigint("frequency_ms", { mode: "number" }).notNull(),
  retentionMs: bigint("retention_ms", { mode: "number" }).notNull(),
  keepAtLeastOne: boolean("keep_at_least_one").notNull().default(true),
  storeId: text("store_id").notNull(),
  region: text("region").notNull(),
  afterChange: boolean("after_change").notNull().default(false),
  nextDueAt: ts("next_due_at"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
});

/**
 * Restores, from request to outcome. The idempotency key makes a double click or a retried post
 * one restore; the partial unique index on the target allows one restore in flight per target.
 */
export const restores = pgTable(
  "restores",
  {
    id: text("id").primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    backupId: text("backup_id").notNull(),
    target: text("target").notNull(),
    region: text("region").notNull(),
    edition: text("edition").notNull(),
    trackingDatabase: text("tracking_database").notNull(),
    storage: text("storage").notNull(),
    status: text("status").notNull().default("queued"),
    step: text("step").notNull().default("verify"),
    progress: doublePrecision("progress").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    requestedBy: text("requested_by").notNull(),
    requestedAt: ts("requested_at").notNull().defaultNow(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    heartbeatAt: ts("heartbeat_at"),
    workerId: text("worker_id"),
    /** When its worker was last found lost (no heartbeat) and the job queued to resume. */
    workerLostAt: ts("worker_lost_at"),
    error: text("error"),
    log: jsonb("log").notNull().default([]),
    checklist: jsonb("checklist").notNull().default({}),
    resumedAt: ts("resumed_at"),
    resumedBy: text("resumed_by"),
    /** The restored storage account's replication, as chosen (null: requested before the choice). */
    storageReplication: text("storage_replication"),
    /** The backup schedule the restore sets on the new service ({ kind: "none" }: none). */
    backupSchedule: jsonb("backup_schedule"),
  },
  (t) => [
    index("restores_requested_idx").on(t.requestedAt),
    uniqueIndex("restores_one_in_flight_idx")
      .on(t.target)
      .where(sql`status in ('queued', 'running')`),
  ],
);

/**
 * Who is told about incidents, maintenance and (optionally) status changes, and how. The target
 * (a URL that may embed a token, or an address) and the HMAC secret never leave the server after
 * creation; a deleted subscription keeps its row for the delivery log, with both cleared.
 */
export const notificationSubscriptions = pgTable(
  "notification_subscriptions",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    target: text("target").notNull(),
    /** What people may see of the target: an address, or a URL's scheme and host. */
    targetLabel: text("target_label").notNull(),
    secret: text("secret"),
    serviceIds: jsonb("service_ids").$type<string[]>().notNull().default([]),
    componentIds: jsonb("component_ids").$type<string[]>().notNull().default([]),
    minImpact: text("min_impact").notNull().default("none"),
    events: jsonb("events").$type<string[]>().notNull(),
    /** For a viewer's own e-mail subscription: the user it belongs to. */
    ownerUserId: text("owner_user_id"),
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    deletedAt: ts("deleted_at"),
    deletedBy: text("deleted_by"),
  },
  (t) => [
    uniqueIndex("notification_subscriptions_owner_idx")
      .on(t.ownerUserId)
      .where(sql`deleted_at is null and owner_user_id is not null`),
  ],
);

export const notificationEvents = pgTable(
  "notification_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("notification_events_created_idx").on(t.createdAt)],
);

/**
 * The outbox: one row per (event, subscription), written in the event's transaction. Workers claim
 * rows with SKIP LOCKED for a lease; a row whose lease ran out (its worker died) is claimed again.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => notificationEvents.id, { onDelete: "cascade" }),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => notificationSubscriptions.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    claimedBy: text("claimed_by"),
    claimExpiresAt: ts("claim_expires_at"),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
    /** From the event's creation to the receiver's acceptance, by the store's clock. */
    latencyMs: doublePrecision("latency_ms"),
    log: jsonb("log").notNull().default([]),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_pair_idx").on(t.eventId, t.subscriptionId),
    index("notification_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("notification_deliveries_subscription_idx").on(t.subscriptionId, t.id),
  ],
);

export * from "./auth-schema";
export * from "./incidents-schema";
export * from "./drills-schema";
export * from "./history-schema";
