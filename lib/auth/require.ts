import { forbidden, unauthorized } from "../errors";
import type { AuditEntry } from "../audit";
import type { Db } from "../db";
import { hasRole, type Actor, type Role } from "../roles";

/**
 * What every write verb takes: who is acting, and the store (or transaction) to act on.
 * `withTransaction` (lib/audit) gives verbs one outer transaction; `refusals` is its own.
 */
export type Ctx = { actor: Actor; db: Db; refusals?: AuditEntry[] };

/** The first line of every write verb. Throws unauthorized for anonymous callers, forbidden for lesser roles. */
export function requireRole(actor: Actor, role: Role, what: string): void {
  if (hasRole(actor, role)) return;
  if (actor.kind === "anonymous")
    throw unauthorized(`Sign in or send an API token: ${what} needs the ${role} role.`);
  throw forbidden(`${what} needs the ${role} role; ${actor.name} has ${actor.role ?? "no role"}.`);
}
