import "server-only";
import { and, asc, eq, gte, inArray, lte, or } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { redactText } from "../secrets";
import { tables, type Db } from "../db";
import { isStatus, STATUS_LABEL, type Status } from "../status/vocabulary";
import { INCIDENT_STATUS_LABEL, type IncidentView, type TimelineEntry } from "./incident-types";

const BEFORE_MS = 30 * 60_000;
const AFTER_MS = 10 * 60_000;
const LIMIT = 200;
const { statusChanges, auditLog, managementOperations, backups, restores, apiTokens, users } =
  tables;

const label = (s: string) => (isStatus(s) ? STATUS_LABEL[s] : s).toLowerCase();

/** Names for the audit log's actor ids: tokens and users by name, the system as Standfast. */
async function actorNames(db: Db, rows: { actorKind: string; actorId: string }[]) {
  const tokenIds = rows.filter((r) => r.actorKind === "api-token").map((r) => r.actorId);
  const userIds = rows.filter((r) => r.actorKind === "user").map((r) => r.actorId);
  const [tokens, people] = await Promise.all([
    tokenIds.length
      ? db
          .select({ id: apiTokens.id, name: apiTokens.name })
          .from(apiTokens)
          .where(inArray(apiTokens.id, tokenIds))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const names = new Map([...tokens, ...people].map((r) => [r.id, r.name]));
  return (r: { actorKind: string; actorId: string }) =>
    r.actorKind === "system" ? "Standfast" : (names.get(r.actorId) ?? r.actorId);
}

/**
 * What Standfast knows happened around an incident, oldest first: its updates, the status
 * changes of its components, faults injected and cleared, management operations, backups and
 * restores of its services, each with who did it. From half an hour before it started.
 */
export async function readIncidentTimeline(db: Db, incident: IncidentView, now = new Date()) {
  const from = new Date(Date.parse(incident.startedAt) - BEFORE_MS);
  const to = incident.resolvedAt ? new Date(Date.parse(incident.resolvedAt) + AFTER_MS) : now;
  const componentIds = incident.components.map((c) => c.id);
  const serviceIds = [...new Set(incident.components.flatMap((c) => c.serviceIds))];
  const names = new Map(incident.components.map((c) => [c.id, c.name]));
  const within = (column: AnyPgColumn) => and(gte(column, from), lte(column, to));
  const none = [""];
  const [changes, faults, operations, backupRows, restoreRows] = await Promise.all([
    db
      .select()
      .from(statusChanges)
      .where(
        and(
          inArray(statusChanges.componentId, componentIds.length ? componentIds : none),
          within(statusChanges.at),
        ),
      )
      .orderBy(asc(statusChanges.at))
      .limit(LIMIT),
    db
      .select()
      .from(auditLog)
      .where(
        and(
          inArray(auditLog.action, ["health.fault.inject", "health.fault.clear"]),
          eq(auditLog.outcome, "ok"),
          or(
            inArray(auditLog.target, componentIds.length ? componentIds : none),
            eq(auditLog.target, "*"),
          ),
          within(auditLog.at),
        ),
      )
      .orderBy(asc(auditLog.at))
      .limit(LIMIT),
    db
      .select()
      .from(managementOperations)
      .where(
        and(
          inArray(managementOperations.serviceId, serviceIds.length ? serviceIds : none),
          within(managementOperations.at),
        ),
      )
      .orderBy(asc(managementOperations.at))
      .limit(LIMIT),
    db
      .select()
      .from(backups)
      .where(
        and(
          inArray(backups.serviceId, serviceIds.length ? serviceIds : none),
          within(backups.requestedAt),
        ),
      )
      .orderBy(asc(backups.requestedAt))
      .limit(LIMIT),
    db
      .select({ restore: restores, source: backups.serviceId })
      .from(restores)
      .leftJoin(backups, eq(backups.id, restores.backupId))
      .where(
        and(
          or(
            inArray(restores.target, serviceIds.length ? serviceIds : none),
            inArray(backups.serviceId, serviceIds.length ? serviceIds : none),
          ),
          within(restores.requestedAt),
        ),
      )
      .orderBy(asc(restores.requestedAt))
      .limit(LIMIT),
  ]);
  const who = await actorNames(db, faults);
  const entries: TimelineEntry[] = [
    ...incident.updates.map((u) => ({
      at: u.createdAt,
      kind: "update" as const,
      text: `${INCIDENT_STATUS_LABEL[u.status]}: ${u.body}`,
      who: u.author.name,
      href: null,
    })),
    ...changes.map((c) => ({
      at: c.at.toISOString(),
      kind: "status" as const,
      text: `${names.get(c.componentId) ?? c.componentId}: ${c.fromStatus ? `${label(c.fromStatus)} → ` : ""}${label(c.toStatus)}${c.reason ? ` (${redactText(c.reason)})` : ""}`,
      who: null,
      href: `/components/${encodeURIComponent(c.componentId)}`,
      status: (isStatus(c.toStatus) ? c.toStatus : "unknown") as Status,
    })),
    ...faults.map((f) => {
      const input = (f.input ?? {}) as { status?: string; instances?: number; for?: string };
      const what =
        f.action === "health.fault.inject"
          ? `Fault injected into ${names.get(f.target ?? "") ?? f.target}: ${label(input.status ?? "")}${input.instances ? `, ${input.instances} instance(s)` : ""}${input.for ? ` for ${input.for}` : ""}`
          : f.target === "*"
            ? "All injected faults cleared"
            : `Fault cleared on ${names.get(f.target ?? "") ?? f.target}`;
      return {
        at: f.at.toISOString(),
        kind: "fault" as const,
        text: redactText(what),
        who: who(f),
        href: null,
      };
    }),
    ...operations.map((o) => ({
      at: o.at.toISOString(),
      kind: "operation" as const,
      text: `${o.serviceId}: ${redactText(o.summary)}`,
      who: o.actorName,
      href: `/services/${encodeURIComponent(o.serviceId)}`,
    })),
    ...backupRows.map((b) => ({
      at: b.requestedAt.toISOString(),
      kind: "backup" as const,
      text: `Backup ${b.name} of ${b.serviceId} (${b.trigger}): ${b.status}`,
      who: b.requestedBy,
      href: `/backups/${b.id}`,
    })),
    ...restoreRows.map(({ restore: r, source }) => ({
      at: r.requestedAt.toISOString(),
      kind: "restore" as const,
      text: `Restore${source ? ` of a ${source} backup` : ""} into ${r.target} (${r.region}): ${r.status}`,
      who: r.requestedBy,
      href: `/restores/${r.id}`,
    })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
