import "server-only";
import { tables, type Db } from "../db";
import type { Actor } from "../auth/roles";

export type AuditEntry = {
  actor: Actor;
  action: string;
  target?: string | null;
  /** A summary of the input: never secrets. */
  input?: Record<string, unknown> | null;
  outcome: "ok" | "refused" | "failed";
  detail?: string | null;
};

/** Appends one audit row. Call it with the write's own transaction so both land or neither does. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(tables.auditLog).values({
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    action: entry.action,
    target: entry.target ?? null,
    input: entry.input ?? null,
    outcome: entry.outcome,
    detail: entry.detail ?? null,
  });
}
