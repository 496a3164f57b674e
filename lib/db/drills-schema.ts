import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { services } from "./schema";

/**
 * Restore drills: a backup restored into a sandbox, its configuration's SHA-256 compared with the
 * backup's recorded payload hash, the time from request to ready kept as the RTO. The partial
 * unique index allows one drill in flight per service, so a double click is one drill.
 */
export const drills = pgTable(
  "drills",
  {
    id: text("id").primaryKey(),
    serviceId: text("service_id").notNull(),
    backupId: text("backup_id").notNull(),
    backupName: text("backup_name").notNull(),
    trigger: text("trigger").notNull().default("operator"),
    status: text("status").notNull().default("queued"),
    requestedBy: text("requested_by").notNull(),
    requestedAt: ts("requested_at").notNull().defaultNow(),
    startedAt: ts("started_at"),
    readyAt: ts("ready_at"),
    finishedAt: ts("finished_at"),
    rtoMs: bigint("rto_ms", { mode: "number" }),
    reason: text("reason"),
    sandbox: text("sandbox").notNull(),
    expectedHash: text("expected_hash"),
    restoredHash: text("restored_hash"),
    workerId: text("worker_id"),
    heartbeatAt: ts("heartbeat_at"),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [
    index("drills_service_idx").on(t.serviceId, t.requestedAt),
    uniqueIndex("drills_one_in_flight_idx")
      .on(t.serviceId)
      .where(sql`status in ('queued', 'running')`),
  ],
);

/**
 * Drill sandboxes: where a drill restores a configuration. A table of their own, not services, so
 * no read of the estate (board, status API, compliance, evacuation) can ever list one. Written by
 * the control plane only.
 */
export const drillSandboxes = pgTable("drill_sandboxes", {
  name: text("name").primaryKey(),
  drillId: text("drill_id").notNull(),
  serviceId: text("service_id").notNull(),
  configuration: jsonb("configuration"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** A drill per service every N days (admin); no row means off. */
export const drillSchedules = pgTable("drill_schedules", {
  serviceId: text("service_id")
    .primaryKey()
    .references(() => services.id, { onDelete: "cascade" }),
  everyDays: integer("every_days").notNull(),
  nextDueAt: ts("next_due_at").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
});
