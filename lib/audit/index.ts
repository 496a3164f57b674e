import "server-only";
import { getDb, tables, type Db } from "../db";
import { listAudit, listAuditPeople } from "./read";
import type { Actor } from "../roles";
import { isDomainError } from "../errors";
import { redactSecrets, redactText } from "../secrets";

export type AuditEntry = {
  actor: Actor;
  action: string;
  target?: string | null;
  /** A summary of the input: never secrets. */
  input?: Record<string, unknown> | null;
  outcome: "ok" | "refused" | "failed";
  detail?: string | null;
};

/**
 * PostgreSQL stores neither NUL in text or jsonb nor lone surrogates: a hostile value that reaches
 * an audit row (a refused id, a message quoting it) is recorded escaped rather than lost.
 */
const storable = (text: string) => text.replaceAll("\u0000", "\\u0000").toWellFormed();

function storableJson(value: unknown): unknown {
  if (typeof value === "string") return storable(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [storable(k), storableJson(v)]),
    );
  return value;
}

/**
 * Appends one audit row. Call it with the write's own transaction so both land or neither does.
 * Secrets are masked on the way in (a guard: callers summarise their input without them), since
 * the log is append-only and every admin reads it.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const text = (value: string | null | undefined) => (value == null ? null : storable(value));
  await db.insert(tables.auditLog).values({
    actorKind: entry.actor.kind,
    actorId: storable(entry.actor.id),
    action: storable(entry.action),
    target: entry.target == null ? null : text(redactText(entry.target)),
    input:
      entry.input == null
        ? null
        : (storableJson(redactSecrets(entry.input)) as Record<string, unknown>),
    outcome: entry.outcome,
    detail: entry.detail == null ? null : text(redactText(entry.detail)),
  });
}

/**
 * The field of a write's raw input that names its target, when it is text: the audit row names
 * what was asked for without trusting the input's shape (an object there is no name).
 */
export function auditTarget(raw: unknown, field: string): string | null {
  if (!raw || typeof raw !== "object" || !Object.hasOwn(raw, field)) return null;
  const value = (raw as Record<string, unknown>)[field];
  return typeof value === "string" ? value.slice(0, 200) : null;
}

/**
 * Runs a write verb; when it refuses (a domain error: bad input, lesser role, wrong state), the
 * refusal is audited outside the failed transaction and the error is rethrown unchanged.
 */
export async function auditRefusals<T>(
  ctx: AuditCtx,
  action: string,
  target: string | null,
  verb: () => Promise<T>,
): Promise<T> {
  try {
    return await verb();
  } catch (error) {
    if (isDomainError(error)) {
      const entry: AuditEntry = {
        actor: ctx.actor,
        action,
        target: target?.slice(0, 200) ?? null,
        outcome: "refused",
        detail: error.message.slice(0, 500),
      };
      // Inside a caller's transaction the refusal is kept aside and written once it has ended,
      // so a rollback the refusal causes does not take its audit row with it.
      if (ctx.refusals) ctx.refusals.push(entry);
      else await recordAudit(ctx.db, entry).catch(() => {});
    }
    throw error;
  }
}

/** What a verb's audit needs of its context: who acts, on which store or transaction. */
export type AuditCtx = { actor: Actor; db: Db; refusals?: AuditEntry[] };

/**
 * Runs `work` with a context whose store is one transaction: every verb called with it writes,
 * and audits its successes, in that transaction (a verb's own transaction becomes a savepoint),
 * so they commit or roll back together. Refusals are audited on the outer store once the
 * transaction has ended, whether it committed or rolled back.
 */
export async function withTransaction<C extends AuditCtx, T>(
  ctx: C,
  work: (tx: C) => Promise<T>,
): Promise<T> {
  const refusals: AuditEntry[] = [];
  try {
    return await ctx.db.transaction((tx) => work({ ...ctx, db: tx, refusals }));
  } finally {
    for (const entry of refusals)
      if (ctx.refusals) ctx.refusals.push(entry);
      else await recordAudit(ctx.db, entry).catch(() => {});
  }
}

export { listAudit, listAuditPeople, type AuditRow, type AuditPerson } from "./read";
export { actorText, describeInput, type InputLine } from "./describe";

/** The audit page's read: the store's one client. */
export async function listAuditLog(params: Record<string, string | undefined>) {
  const db = await getDb();
  const [log, people] = await Promise.all([listAudit(db, params), listAuditPeople(db)]);
  return { ...log, people };
}
