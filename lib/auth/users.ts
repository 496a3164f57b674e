import "server-only";
import { hashPassword } from "better-auth/crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { auditTarget, recordAudit } from "../audit";
import { tables, type Db } from "../db";
import { conflict, invalidState, isDomainError, notFound } from "../errors";
import { parseOrThrow } from "../validation";
import { MIN_PASSWORD_LENGTH } from "./better-auth";
import { requireRole, type Ctx } from "./require";
import { ROLES, type Role } from "../roles";

const { users, accounts, sessions } = tables;

const role = z.enum(ROLES, { message: `expected one of ${ROLES.join(", ")}` });
const userId = z.string().min(1, "name the user by id").max(100);

export const NewUserInput = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, "keep the e-mail address under 200 characters")
    .pipe(z.email("expected an e-mail address, such as ops@example.com")),
  name: z.string().trim().min(1, "expected a name, such as Ada Lovelace").max(100),
  role,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `expected at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, "expected at most 200 characters")
    .optional(),
});
export const RoleChangeInput = z.strictObject({ userId, role });
export const DisableInput = z.strictObject({
  userId,
  disabled: z.boolean({ message: "expected true (disable) or false (enable)" }),
});

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role | null;
  roleSource: "local" | "oidc";
  disabled: boolean;
  createdAt: Date;
};

/** Every user, for the admin page. Admin only. */
export async function listUsers(ctx: Ctx): Promise<UserRow[]> {
  requireRole(ctx.actor, "admin", "Listing users");
  const rows = await ctx.db.select().from(users).orderBy(asc(users.email));
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role as Role | null,
    roleSource: u.roleSource as UserRow["roleSource"],
    disabled: u.disabled,
    createdAt: u.createdAt,
  }));
}

/** Inserts a user who signs in with a password (better-auth's `credential` account). */
export async function insertLocalUser(
  db: Db,
  input: { email: string; name: string; role: Role; passwordHash: string },
): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  await db.insert(users).values({
    id,
    email: input.email,
    name: input.name,
    role: input.role,
    roleSource: "local",
    emailVerified: true,
  });
  await db.insert(accounts).values({
    id: randomBytes(16).toString("base64url"),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: input.passwordHash,
  });
  return id;
}

/**
 * Creates a local user. Admin only. Without a password one is generated and returned, once: it is
 * stored only as a hash.
 */
export async function createLocalUser(ctx: Ctx, raw: unknown) {
  return audited(ctx, "auth.user.create", raw, async () => {
    requireRole(ctx.actor, "admin", "Creating users");
    const input = parseOrThrow(NewUserInput, raw, "Invalid user");
    const password = input.password ?? randomBytes(18).toString("base64url");
    const passwordHash = await hashPassword(password);
    return ctx.db.transaction(async (tx) => {
      const [taken] = await tx.select().from(users).where(eq(users.email, input.email));
      if (taken) throw conflict(`A user with the e-mail address ${input.email} already exists.`);
      const id = await insertLocalUser(tx, { ...input, passwordHash });
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "auth.user.create",
        target: id,
        input: { email: input.email, name: input.name, role: input.role },
        outcome: "ok",
      });
      const { password: _given, ...shown } = input;
      return { id, ...shown, generatedPassword: input.password ? null : password };
    });
  });
}

/** Changes a local user's role. Admin only; the last enabled admin cannot be demoted. */
export async function setUserRole(ctx: Ctx, raw: unknown) {
  return audited(ctx, "auth.user.role", raw, async () => {
    requireRole(ctx.actor, "admin", "Changing a user's role");
    const input = parseOrThrow(RoleChangeInput, raw, "Invalid role change");
    return ctx.db.transaction(async (tx) => {
      const user = await lockUser(tx, input.userId);
      if (user.roleSource === "oidc")
        throw invalidState(
          `${user.email} signs in with single sign-on, and their role comes from the identity provider's claims: change it there.`,
        );
      if (user.role === input.role) return { id: user.id, email: user.email, role: input.role };
      if (user.role === "admin" && !user.disabled) await assertAnotherAdmin(tx, user.id, "demote");
      await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id));
      await recordAudit(tx, {
        actor: ctx.actor,
        action: "auth.user.role",
        target: user.id,
        input: { email: user.email, from: user.role, to: input.role },
        outcome: "ok",
      });
      return { id: user.id, email: user.email, role: input.role };
    });
  });
}

/** Disables (signing them out everywhere) or enables a user. Admin only; not the last admin. */
export async function setUserDisabled(ctx: Ctx, raw: unknown) {
  return audited(ctx, "auth.user.disable", raw, async () => {
    requireRole(ctx.actor, "admin", "Disabling or enabling a user");
    const input = parseOrThrow(DisableInput, raw, "Invalid request");
    return ctx.db.transaction(async (tx) => {
      const user = await lockUser(tx, input.userId);
      if (user.disabled === input.disabled)
        return { id: user.id, email: user.email, disabled: input.disabled };
      if (input.disabled && user.role === "admin") await assertAnotherAdmin(tx, user.id, "disable");
      await tx.update(users).set({ disabled: input.disabled }).where(eq(users.id, user.id));
      if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, user.id));
      await recordAudit(tx, {
        actor: ctx.actor,
        action: input.disabled ? "auth.user.disable" : "auth.user.enable",
        target: user.id,
        input: { email: user.email },
        outcome: "ok",
      });
      return { id: user.id, email: user.email, disabled: input.disabled };
    });
  });
}

async function lockUser(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).for("update");
  if (!user) throw notFound(`User "${id}"`);
  return user;
}

/** Locks every enabled admin, so two admins demoting each other at once cannot both succeed. */
async function assertAnotherAdmin(db: Db, userId: string, verb: string): Promise<void> {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)))
    .for("update");
  if (others.length === 0)
    throw invalidState(
      `Cannot ${verb} the last admin: give another user the admin role first, so someone can still manage Standfast.`,
    );
}

/** Runs a write verb; a domain refusal is audited (outside the failed transaction) and rethrown. */
async function audited<T>(ctx: Ctx, action: string, raw: unknown, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (isDomainError(error)) {
      const target = auditTarget(raw, "userId") ?? auditTarget(raw, "email");
      await recordAudit(ctx.db, {
        actor: ctx.actor,
        action,
        target,
        outcome: "refused",
        detail: error.message.slice(0, 500),
      }).catch(() => {});
    }
    throw error;
  }
}
