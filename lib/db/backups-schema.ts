/** Management operations, backups, their schedules, and restores. */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { services } from "./schema";

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
