import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit";
import { tables, type Db } from "../db";
import { roleFromClaims, type RoleRule } from "../roles";

const { users } = tables;

/** The id of the one OIDC provider: its redirect URI is `<public URL>/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

/** The claims of an ID token. better-auth has verified its signature, issuer, audience and nonce. */
export function idTokenClaims(idToken: string): Record<string, unknown> | null {
  const payload = idToken.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

type Account = { providerId: string; userId: string; idToken?: string | null };

/**
 * At every OIDC sign-in, gives the user the role their ID token's claim maps to (none when nothing
 * maps: the sign-in is then refused). A change of role is audited with the claim values behind it.
 */
export async function syncOidcRole(
  options: { db: Db; claim: string; rules: RoleRule[] },
  account: Account,
): Promise<void> {
  if (account.providerId !== OIDC_PROVIDER_ID || !account.idToken) return;
  const claims = idTokenClaims(account.idToken) ?? {};
  const role = roleFromClaims(claims, options.claim, options.rules);
  await options.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, account.userId)).for("update");
    if (!user || (user.role === role && user.roleSource === "oidc")) return;
    await tx.update(users).set({ role, roleSource: "oidc" }).where(eq(users.id, user.id));
    if (user.role === role) return;
    await recordAudit(tx, {
      actor: { kind: "user", id: user.id, name: user.email, role },
      action: "auth.user.role.claims",
      target: user.id,
      input: { claim: options.claim, from: user.role, to: role },
      outcome: "ok",
      detail: `${user.email}: ${user.role ?? "no role"} -> ${role ?? "no role"} from the identity provider's ${options.claim} claim`,
    });
  });
}
