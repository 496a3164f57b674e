import "server-only";
import { hashPassword } from "better-auth/crypto";
import { eq, inArray } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { Role } from "../roles";
import { insertLocalUser } from "./users";

const { users, accounts, estateMeta } = tables;

export type DemoAccount = { role: Role; email: string; name: string; password: string };

/** With the demo estate only: one user per role, with sign-in details anyone may read. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: "viewer",
    email: "viewer@demo.standfast.test",
    name: "Demo viewer",
    password: "viewer-demo-password",
  },
  {
    role: "operator",
    email: "operator@demo.standfast.test",
    name: "Demo operator",
    password: "operator-demo-password",
  },
  {
    role: "admin",
    email: "admin@demo.standfast.test",
    name: "Demo admin",
    password: "admin-demo-password",
  },
];
const EMAILS = DEMO_ACCOUNTS.map((a) => a.email);

/**
 * Makes the demo users exist as DEMO_ACCOUNTS says (role, password, enabled), so the details on
 * the sign-in page are always true after a start.
 */
export async function ensureDemoUsers(db: Db): Promise<readonly DemoAccount[]> {
  for (const account of DEMO_ACCOUNTS) {
    const passwordHash = await hashPassword(account.password);
    await db.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.email, account.email));
      if (!user) return void (await insertLocalUser(tx, { ...account, passwordHash }));
      await tx
        .update(users)
        .set({ role: account.role, roleSource: "local", disabled: false, name: account.name })
        .where(eq(users.id, user.id));
      await tx.update(accounts).set({ password: passwordHash }).where(eq(accounts.userId, user.id));
    });
  }
  return DEMO_ACCOUNTS;
}

/** With a real estate, the demo users (whose passwords are public) must not exist. */
export async function removeDemoUsers(db: Db): Promise<number> {
  const removed = await db
    .delete(users)
    .where(inArray(users.email, EMAILS))
    .returning({ id: users.id });
  return removed.length;
}

/** The demo accounts to show on the sign-in page: only while the demo estate is loaded. */
export async function demoAccounts(db: Db): Promise<readonly DemoAccount[]> {
  const [meta] = await db.select({ demo: estateMeta.demo }).from(estateMeta);
  return meta?.demo ? DEMO_ACCOUNTS : [];
}
