import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { sql } from "drizzle-orm";

/**
 * Incidents, detected from the readings or opened by people. Unresolved while `resolved_at` is
 * null; `impact_set_by` names the operator who set the impact (null: it follows the worst status).
 */
export const incidents = pgTable(
  "incidents",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    status: text("status").notNull(),
    impact: text("impact").notNull(),
    impactSetBy: text("impact_set_by"),
    origin: text("origin").notNull(),
    startedAt: ts("started_at").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    monitoringAt: ts("monitoring_at"),
    resolvedAt: ts("resolved_at"),
    resolvedBy: text("resolved_by"),
    /** When a person last wrote an update: from then on only a person resolves it. */
    operatorUpdatedAt: ts("operator_updated_at"),
    /** When every affected component had been healthy for the quiet period (null while not). */
    recoveredAt: ts("recovered_at"),
    postmortem: text("postmortem"),
    postmortemAt: ts("postmortem_at"),
    postmortemBy: text("postmortem_by"),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    index("incidents_started_idx").on(t.startedAt),
    index("incidents_unresolved_idx")
      .on(t.startedAt)
      .where(sql`resolved_at is null`),
  ],
);

export const incidentUpdates = pgTable(
  "incident_updates",
  {
    id: text("id").primaryKey(),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    authorKind: text("author_kind").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
    /** Statuspage's affected_components: [{ code, name, old_status, new_status }]. */
    affectedComponents: jsonb("affected_components"),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.createdAt)],
);

/**
 * The components an incident affects, with what the detector saw of each. `open` is true until
 * the incident resolves: the unique index keeps a component in one unresolved incident at most,
 * so two instances detecting the same failure cannot both open an incident for it.
 */
export const incidentComponents = pgTable(
  "incident_components",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    componentId: text("component_id").notNull(),
    addedAt: ts("added_at").notNull().defaultNow(),
    addedBy: text("added_by").notNull(),
    failingSince: ts("failing_since"),
    worstStatus: text("worst_status").notNull(),
    lastStatus: text("last_status").notNull(),
    healthySince: ts("healthy_since"),
    removedAt: ts("removed_at"),
    open: boolean("open").notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.componentId] }),
    uniqueIndex("incident_components_one_open_idx")
      .on(t.componentId)
      .where(sql`open`),
  ],
);

/** Scheduled maintenance: scheduled -> in_progress -> verifying -> completed. */
export const scheduledMaintenances = pgTable(
  "scheduled_maintenances",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    status: text("status").notNull(),
    scheduledFor: ts("scheduled_for").notNull(),
    scheduledUntil: ts("scheduled_until").notNull(),
    startedAt: ts("started_at"),
    completedAt: ts("completed_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    index("scheduled_maintenances_status_idx").on(t.status),
    index("scheduled_maintenances_for_idx").on(t.scheduledFor),
  ],
);

export const maintenanceUpdates = pgTable(
  "maintenance_updates",
  {
    id: text("id").primaryKey(),
    maintenanceId: text("maintenance_id")
      .notNull()
      .references(() => scheduledMaintenances.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    authorKind: text("author_kind").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
  },
  (t) => [index("maintenance_updates_maintenance_idx").on(t.maintenanceId, t.createdAt)],
);

export const maintenanceComponents = pgTable(
  "maintenance_components",
  {
    maintenanceId: text("maintenance_id")
      .notNull()
      .references(() => scheduledMaintenances.id, { onDelete: "cascade" }),
    componentId: text("component_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.maintenanceId, t.componentId] }),
    index("maintenance_components_component_idx").on(t.componentId),
  ],
);
