import "server-only";
import { and, count, desc, eq, gte, ilike, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, tables, type Db } from "../db";
import { parseOrThrow } from "../validation";
import type { Actor } from "../auth/roles";
import { isDomainError } from "../errors";
import { redactSecrets, redactText } from "../control-plane/secrets";

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

export type AuditRow = {
  id: number;
  at: string;
  actorKind: string;
  actorId: string;
  action: string;
  target: string | null;
  input: Record<string, unknown> | null;
  outcome: string;
  detail: string | null;
};

export const AuditQuery = z.strictObject({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(200).optional(),
  outcome: z
    .enum(["ok", "refused", "failed"], { message: "expected ok, refused or failed" })
    .optional(),
  from: z.iso.date({ message: "expected a date such as 2026-11-24" }).optional(),
  to: z.iso.date({ message: "expected a date such as 2026-11-24" }).optional(),
  page: z.coerce.number().int().min(1, "pages start at 1").max(100_000).default(1),
});
export type AuditQuery = z.output<typeof AuditQuery>;

/** The audit log, newest first, 50 a page. Admins only: the caller checks the role. */
export async function listAudit(
  db: Db,
  params: Record<string, string | undefined>,
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number; query: AuditQuery }> {
  const clean = Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== ""),
  );
  const q = parseOrThrow(AuditQuery, clean, "Invalid audit filter");
  const t = tables.auditLog;
  const where: SQL[] = [];
  if (q.action) where.push(ilike(t.action, `${q.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (q.actor) where.push(ilike(t.actorId, `%${q.actor.replace(/[%_\\]/g, "\\$&")}%`));
  if (q.outcome) where.push(eq(t.outcome, q.outcome));
  if (q.from) where.push(gte(t.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) where.push(lte(t.at, new Date(`${q.to}T23:59:59.999Z`)));
  const filter = where.length ? and(...where) : undefined;
  const size = 50;
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(t).where(filter),
    db
      .select()
      .from(t)
      .where(filter)
      .orderBy(desc(t.id))
      .limit(size)
      .offset((q.page - 1) * size),
  ]);
  const n = Number(total?.n ?? 0);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorKind: r.actorKind,
      actorId: r.actorId,
      action: r.action,
      // Rows written before the guard existed are masked as they are read.
      target: r.target === null ? null : redactText(r.target),
      input: redactSecrets((r.input as Record<string, unknown> | null) ?? null),
      outcome: r.outcome,
      detail: r.detail === null ? null : redactText(r.detail),
    })),
    total: n,
    page: q.page,
    pages: Math.max(1, Math.ceil(n / size)),
    query: q,
  };
}

/** The audit page's read: the store's one client. */
export async function listAuditLog(params: Record<string, string | undefined>) {
  return listAudit(await getDb(), params);
}
