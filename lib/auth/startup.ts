import "server-only";
import { and, eq } from "drizzle-orm";
import { tables, type Db } from "../db";
import type { Settings } from "../settings";
import { ensureDemoUsers, removeDemoUsers } from "./demo-users";
import { publicUrlOf } from "./instance";
import { OIDC_PROVIDER_ID } from "./oidc-role";
import { ensureAuthSecret } from "./secret";

/**
 * Start-up work for sign-in: the session signing key, and the demo users (there with the demo
 * estate, gone with a real one). Returns the lines for the start-up log.
 */
export async function prepareSignIn(
  db: Db,
  settings: Settings,
  options: { demo: boolean },
): Promise<string[]> {
  await ensureAuthSecret(db, settings.STANDFAST_AUTH_SECRET);
  const lines: string[] = [];
  const publicUrl = publicUrlOf(settings);
  lines.push(
    settings.STANDFAST_OIDC_ISSUER
      ? `sign-in: e-mail and password, and OIDC at ${settings.STANDFAST_OIDC_ISSUER} (redirect URI ${publicUrl}/api/auth/callback/${OIDC_PROVIDER_ID})`
      : "sign-in: e-mail and password (set STANDFAST_OIDC_ISSUER for single sign-on)",
  );
  lines.push(
    settings.STANDFAST_PUBLIC_BOARD === "on"
      ? "board: public (STANDFAST_PUBLIC_BOARD=off requires sign-in)"
      : "board: viewers only (STANDFAST_PUBLIC_BOARD=off)",
  );
  if (options.demo) {
    const accounts = await ensureDemoUsers(db);
    lines.push("demo users (with the demo estate only; sign in at /sign-in):");
    for (const a of accounts)
      lines.push(`  ${a.role.padEnd(8)} ${a.email}  password: ${a.password}`);
  } else {
    const removed = await removeDemoUsers(db);
    if (removed) lines.push(`removed ${removed} demo user(s): this is not the demo estate`);
  }
  const [admin] = await db
    .select({ id: tables.users.id })
    .from(tables.users)
    .where(and(eq(tables.users.role, "admin"), eq(tables.users.disabled, false)))
    .limit(1);
  if (!admin)
    lines.push(
      'no admin user yet: create one with `npm run standfast -- create-admin --email you@example.com --name "Your Name"`',
    );
  return lines;
}
