import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The estate facts each day's compliance is judged by, as they were: every change of a
 * component's attributes (instances, storage replication, tracking continuity) and of a service's
 * units, stamped with the time of the transaction that made it. Written only by triggers on
 * `components` and `services` (migration 0012), so no writer can forget it.
 */
export const estateFactHistory = pgTable(
  "estate_fact_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** "component" (facts: its attributes) or "service" (facts: { units }). */
    subject: text("subject").notNull(),
    subjectId: text("subject_id").notNull(),
    facts: jsonb("facts").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("estate_fact_history_subject_idx").on(t.subject, t.subjectId, t.validFrom)],
);
