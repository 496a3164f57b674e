import { isIP } from "node:net";
import { z } from "zod";
import { DEFAULT_ROLE_MAP, parseRoleMap } from "../roles";
import { parseDuration } from "../time";

const RATE_EXAMPLE = "10/1m (10 attempts a minute)";

/** Sign-in, sessions and roles: the variables, with their defaults. */
export const authSettings = {
  STANDFAST_PUBLIC_BOARD: z
    .enum(["on", "off"], { message: 'expected "on" or "off"' })
    .default("on"),
  STANDFAST_AUTH_SECRET: z
    .string()
    .min(32, "expected at least 32 characters (use a long random string)")
    .optional(),
  STANDFAST_OIDC_ISSUER: z
    .url({
      protocol: /^https?$/,
      message:
        "expected the issuer URL, such as https://login.microsoftonline.com/<tenant id>/v2.0",
    })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  STANDFAST_OIDC_CLIENT_ID: z.string().optional(),
  STANDFAST_OIDC_CLIENT_SECRET: z.string().optional(),
  STANDFAST_OIDC_NAME: z.string().max(60, "expected a short name, such as Microsoft").optional(),
  STANDFAST_OIDC_ROLE_CLAIM: z
    .string()
    .regex(/^[\w:/.-]+$/, "expected a claim name, such as roles or groups")
    .default("roles"),
  STANDFAST_OIDC_ROLE_MAP: z
    .string()
    .default(DEFAULT_ROLE_MAP)
    .transform((text, ctx) => {
      const parsed = parseRoleMap(text);
      if ("rules" in parsed) return parsed.rules;
      ctx.addIssue({
        code: "custom",
        message: `${parsed.problems.join("; ")} (expected such as Standfast.Admin=admin,Standfast.Operator=operator,*=viewer)`,
      });
      return z.NEVER;
    }),
  STANDFAST_SIGN_IN_LIMIT: z
    .string()
    .default("10/1m")
    .transform((text, ctx) => {
      const match = /^(\d+)\s*\/\s*(\S+)$/.exec(text);
      const max = match ? Number(match[1]) : NaN;
      const windowMs = match ? parseDuration(match[2]!) : null;
      if (!match || !(max >= 1 && max <= 10_000) || windowMs === null) {
        ctx.addIssue({
          code: "custom",
          message: `expected attempts per duration, such as ${RATE_EXAMPLE}; attempts from 1 to 10000`,
        });
        return z.NEVER;
      }
      if (windowMs < 1_000 || windowMs > 86_400_000) {
        ctx.addIssue({
          code: "custom",
          message: `expected a duration from 1s to 1d after the slash, such as ${RATE_EXAMPLE}`,
        });
        return z.NEVER;
      }
      return { max, windowMs };
    }),
  STANDFAST_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const entries = text
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean);
      const bad = entries.filter((e) => !isAddressOrRange(e));
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          message: `${bad.map((b) => JSON.stringify(b)).join(", ")} ${bad.length > 1 ? "are" : "is"} not an IP address or range; expected a comma-separated list such as 10.0.0.0/8,192.168.1.10`,
        });
        return z.NEVER;
      }
      return entries;
    }),
};

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address ?? "");
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

type OidcFields = {
  STANDFAST_OIDC_ISSUER?: string;
  STANDFAST_OIDC_CLIENT_ID?: string;
  STANDFAST_OIDC_CLIENT_SECRET?: string;
};

const OIDC_REQUIRED = {
  STANDFAST_OIDC_ISSUER: "the issuer URL",
  STANDFAST_OIDC_CLIENT_ID: "the client (application) id registered at the identity provider",
  STANDFAST_OIDC_CLIENT_SECRET: "the client secret issued for it",
} as const;

/** OIDC sign-in is on when its three variables are set together; one or two alone is a mistake. */
export function checkOidcSettings(settings: OidcFields, ctx: z.RefinementCtx): void {
  const keys = Object.keys(OIDC_REQUIRED) as (keyof typeof OIDC_REQUIRED)[];
  const given = keys.filter((k) => settings[k]);
  if (given.length === 0 || given.length === keys.length) return;
  for (const key of keys.filter((k) => !settings[k])) {
    ctx.addIssue({
      code: "custom",
      path: [key],
      message: `expected ${OIDC_REQUIRED[key]}: OIDC sign-in needs STANDFAST_OIDC_ISSUER, STANDFAST_OIDC_CLIENT_ID and STANDFAST_OIDC_CLIENT_SECRET together (${given.join(", ")} ${given.length > 1 ? "are" : "is"} set)`,
    });
  }
}
