import { ROLES, type Role } from "./roles";

/** One rule of STANDFAST_OIDC_ROLE_MAP: a claim value (or `*` for anyone) and the role it gives. */
export type RoleRule = { value: string; role: Role };

export const DEFAULT_ROLE_MAP =
  "Standfast.Admin=admin,Standfast.Operator=operator,Standfast.Viewer=viewer";

/**
 * Parses `Value=role,Value=role,*=role`. Returns the rules, or the problems (each saying what is
 * wrong and what is expected) when the text is not valid.
 */
export function parseRoleMap(text: string): { rules: RoleRule[] } | { problems: string[] } {
  const problems: string[] = [];
  const rules: RoleRule[] = [];
  const entries = text.split(",").map((e) => e.trim());
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    if (!entry) return problems.push(`${where} is empty: remove the extra comma`);
    const eq = entry.lastIndexOf("=");
    if (eq <= 0 || eq === entry.length - 1)
      return problems.push(
        `${where} ${JSON.stringify(entry)} must be <claim value>=<role>, such as Standfast.Admin=admin`,
      );
    const value = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (!(ROLES as readonly string[]).includes(role))
      return problems.push(
        `${where} ${JSON.stringify(entry)}: role ${JSON.stringify(role)} is not one of ${ROLES.join(", ")}`,
      );
    if (rules.some((r) => r.value === value))
      return problems.push(`${where}: ${JSON.stringify(value)} is mapped twice; keep one`);
    rules.push({ value, role: role as Role });
  });
  return problems.length ? { problems } : { rules };
}

/**
 * The claim's values as strings: Entra ID sends `roles` and `groups` as arrays, some issuers a
 * single string. A dotted name reaches into an object claim (Keycloak: `realm_access.roles`).
 */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  const raw = claim
    .split(".")
    .reduce<unknown>(
      (at, key) =>
        at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined,
      claims,
    );
  if (Array.isArray(raw))
    return raw.filter((v) => typeof v === "string" || typeof v === "number").map(String);
  if (typeof raw === "string") return [raw];
  return [];
}

/**
 * The highest role the claim's values map to; `*` applies to everyone who signs in. Null when
 * nothing maps: such a user is refused at sign-in.
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  claim: string,
  rules: RoleRule[],
): Role | null {
  const values = new Set(claimValues(claims, claim));
  let best: Role | null = null;
  for (const rule of rules) {
    if (rule.value !== "*" && !values.has(rule.value)) continue;
    // ROLES is in rank order, viewer first.
    if (best === null || ROLES.indexOf(rule.role) > ROLES.indexOf(best)) best = rule.role;
  }
  return best;
}
