import "server-only";
/** Reading the audit log: rows with the names and e-mails of who acted, filtered, newest first. */
import { and, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { tables, type Db } from "../db";
import { parseOrThrow } from "../validation";
import { redactSecrets, redactText } from "../secrets";

export type AuditRow = {
  id: number;
  at: string;
  actorKind: string;
  actorId: string;
  /** The person's or API token's name as it is now; null when the id names no one we know. */
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  target: string | null;
  input: Record<string, unknown> | null;
  outcome: string;
  detail: string | null;
};

/** Someone who appears in the log, for the filter by person. */
export type AuditPerson = { actorId: string; label: string };

const Text = (max: number) => z.string().trim().max(max).optional();

export const AuditQuery = z.strictObject({
  action: Text(100),
  /** Free text: part of an id, a name or an e-mail. */
  actor: Text(200),
  /** One actor exactly, by id: the filter by person. */
  person: Text(200),
  outcome: z
    .enum(["ok", "refused", "failed"], { message: "expected ok, refused or failed" })
    .optional(),
  from: z.iso.date({ message: "expected a date such as 2026-11-24" }).optional(),
  to: z.iso.date({ message: "expected a date such as 2026-11-24" }).optional(),
  page: z.coerce.number().int().min(1, "pages start at 1").max(100_000).default(1),
});
export type AuditQuery = z.output<typeof AuditQuery>;

const { auditLog: t, users, apiTokens } = tables;
const like = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;
// Users are named by id (sign-in) or by e-mail (the demo's seeded history); tokens by id.
const userOf = and(
  eq(t.actorKind, "user"),
  or(eq(users.id, t.actorId), eq(users.email, t.actorId)),
);
const tokenOf = and(eq(t.actorKind, "api-token"), eq(apiTokens.id, t.actorId));

/** The audit log, newest first, 50 a page. Admins only: the caller checks the role. */
export async function listAudit(
  db: Db,
  params: Record<string, string | undefined>,
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number; query: AuditQuery }> {
  const clean = Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== ""),
  );
  const q = parseOrThrow(AuditQuery, clean, "Invalid audit filter");
  const where: SQL[] = [];
  if (q.action) where.push(ilike(t.action, `${q.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (q.actor)
    where.push(
      or(
        ilike(t.actorId, like(q.actor)),
        ilike(users.name, like(q.actor)),
        ilike(users.email, like(q.actor)),
        ilike(apiTokens.name, like(q.actor)),
      )!,
    );
  if (q.person) where.push(eq(t.actorId, q.person));
  if (q.outcome) where.push(eq(t.outcome, q.outcome));
  if (q.from) where.push(gte(t.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) where.push(lte(t.at, new Date(`${q.to}T23:59:59.999Z`)));
  const filter = where.length ? and(...where) : undefined;
  const size = 50;
  const [[total], rows] = await Promise.all([
    db
      .select({ n: count() })
      .from(t)
      .leftJoin(users, userOf)
      .leftJoin(apiTokens, tokenOf)
      .where(filter),
    db
      .select({
        row: t,
        userName: users.name,
        userEmail: users.email,
        tokenName: apiTokens.name,
      })
      .from(t)
      .leftJoin(users, userOf)
      .leftJoin(apiTokens, tokenOf)
      .where(filter)
      .orderBy(desc(t.id))
      .limit(size)
      .offset((q.page - 1) * size),
  ]);
  const n = Number(total?.n ?? 0);
  return {
    rows: rows.map(({ row: r, userName, userEmail, tokenName }) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorKind: r.actorKind,
      actorId: r.actorId,
      actorName: userName || tokenName || null,
      actorEmail: userEmail ?? null,
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

/** Every person and API token that appears in the log, by name and e-mail, for the filter. */
export async function listAuditPeople(db: Db): Promise<AuditPerson[]> {
  const rows = await db
    .selectDistinct({
      actorKind: t.actorKind,
      actorId: t.actorId,
      userName: users.name,
      userEmail: users.email,
      tokenName: apiTokens.name,
    })
    .from(t)
    .leftJoin(users, userOf)
    .leftJoin(apiTokens, tokenOf)
    .where(sql`${t.actorKind} in ('user', 'api-token')`);
  return rows
    .map((r) => ({
      actorId: r.actorId,
      label:
        r.actorKind === "api-token"
          ? `${r.tokenName ?? r.actorId} (API token)`
          : r.userName && r.userEmail
            ? `${r.userName} <${r.userEmail}>`
            : (r.userEmail ?? r.actorId),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
