import "server-only";
import { tables, type Db } from "../db";
import type { Actor } from "../auth/roles";
import { isDomainError } from "../errors";

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

/**
 * Runs a write verb; when it refuses (a domain error: bad input, lesser role, wrong state), the
 * refusal is audited outside the failed transaction and the error is rethrown unchanged.
 */
export async function auditRefusals<T>(
  ctx: { actor: Actor; db: Db },
  action: string,
  target: string | null,
  verb: () => Promise<T>,
): Promise<T> {
  try {
    return await verb();
  } catch (error) {
    if (isDomainError(error))
      await recordAudit(ctx.db, {
        actor: ctx.actor,
        action,
        target: target?.slice(0, 200) ?? null,
        outcome: "refused",
        detail: error.message.slice(0, 500),
      }).catch(() => {});
    throw error;
  }
}
