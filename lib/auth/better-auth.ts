import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import { tables, type Db } from "../db";
import { logger } from "../log";
import type { Settings } from "../settings";
import { auditAuthEvents } from "./auth-audit";
import { OIDC_PROVIDER_ID, syncOidcRole } from "./oidc-role";

const { users, sessions, accounts, verifications, rateLimits } = tables;
const log = logger("auth");

export { OIDC_PROVIDER_ID };
export const AUTH_BASE_PATH = "/api/auth";
export const MIN_PASSWORD_LENGTH = 12;

export type AuthSettings = Pick<
  Settings,
  | "STANDFAST_OIDC_ISSUER"
  | "STANDFAST_OIDC_CLIENT_ID"
  | "STANDFAST_OIDC_CLIENT_SECRET"
  | "STANDFAST_OIDC_ROLE_CLAIM"
  | "STANDFAST_OIDC_ROLE_MAP"
  | "STANDFAST_SIGN_IN_LIMIT"
  | "STANDFAST_TRUSTED_PROXIES"
>;

export type AuthDeps = {
  db: Db;
  secret: string;
  /** The address people open (STANDFAST_PUBLIC_URL): redirects, callbacks, Secure cookies. */
  baseURL: string;
  settings: AuthSettings;
};

// Endpoints Standfast does not offer: accounts are made by admins, e-mail is never sent, and an
// OIDC identity is never linked to a local account.
const DISABLED_PATHS = [
  "/sign-up/email",
  "/update-user",
  "/change-email",
  "/delete-user",
  "/link-social",
  "/unlink-account",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/verify-email",
  "/refresh-token",
  "/get-access-token",
  "/account-info",
];

/** The origin a browser shows for this request, as lib/http's same-origin check reads it. */
function requestOrigin(request: Request | undefined): string | null {
  if (!request) return null;
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!host) return null;
  const proto = new URL(request.url).protocol;
  try {
    return new URL(`${proto}//${host}`).origin;
  } catch {
    return null;
  }
}

export function createAuth(deps: AuthDeps) {
  const { db, settings } = deps;
  const oidc = settings.STANDFAST_OIDC_ISSUER
    ? {
        providerId: OIDC_PROVIDER_ID,
        discoveryUrl: `${settings.STANDFAST_OIDC_ISSUER}/.well-known/openid-configuration`,
        clientId: settings.STANDFAST_OIDC_CLIENT_ID!,
        clientSecret: settings.STANDFAST_OIDC_CLIENT_SECRET!,
        scopes: ["openid", "profile", "email"],
        requireIdTokenVerification: true,
        overrideUserInfo: true,
        // Entra ID puts the e-mail address in `email` only when the tenant has one on record.
        mapProfileToUser: (profile: Record<string, unknown>) => {
          const email =
            typeof profile.email === "string"
              ? profile.email
              : typeof profile.preferred_username === "string" &&
                  profile.preferred_username.includes("@")
                ? profile.preferred_username
                : undefined;
          const name = typeof profile.name === "string" && profile.name ? profile.name : email;
          return { email, name };
        },
      }
    : null;
  const roleSync = {
    db,
    claim: settings.STANDFAST_OIDC_ROLE_CLAIM,
    rules: settings.STANDFAST_OIDC_ROLE_MAP,
  };

  const auth = betterAuth({
    appName: "Standfast",
    baseURL: deps.baseURL,
    basePath: AUTH_BASE_PATH,
    secret: deps.secret,
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => (level === "error" ? log.error(message) : log.warn(message)),
    },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    disabledPaths: DISABLED_PATHS,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false },
        roleSource: { type: "string", required: false, defaultValue: "local", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    account: { accountLinking: { enabled: false } },
    session: { expiresIn: 7 * 86_400, updateAge: 86_400 },
    trustedOrigins: (request) => [new URL(deps.baseURL).origin, requestOrigin(request)],
    rateLimit: {
      enabled: true,
      storage: "database",
      customRules: {
        "/sign-in/*": {
          window: Math.ceil(settings.STANDFAST_SIGN_IN_LIMIT.windowMs / 1000),
          max: settings.STANDFAST_SIGN_IN_LIMIT.max,
        },
      },
    },
    advanced: {
      cookiePrefix: "standfast",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: {
        ipAddressHeaders: ["x-forwarded-for"],
        trustedProxies: settings.STANDFAST_TRUSTED_PROXIES,
      },
    },
    databaseHooks: {
      session: {
        create: {
          // The one gate every sign-in passes, whichever way it came.
          before: async (session) => {
            const [user] = await db.select().from(users).where(eq(users.id, session.userId));
            if (user?.disabled)
              throw new APIError("FORBIDDEN", {
                code: "ACCOUNT_DISABLED",
                message: "This account is disabled. Ask a Standfast admin to enable it.",
              });
            if (!user?.role)
              throw new APIError("FORBIDDEN", {
                code: "NO_ROLE",
                message:
                  "Your identity provider gives this account no Standfast role. Ask your administrator to assign one.",
              });
          },
        },
      },
      account: {
        create: { after: async (account) => syncOidcRole(roleSync, account) },
        update: { after: async (account) => syncOidcRole(roleSync, account) },
      },
    },
    hooks: { after: auditAuthEvents(db) },
    plugins: oidc ? [genericOAuth({ config: [oidc] })] : [],
  });
  // The store it works on, for what Standfast writes beside it (audit rows).
  return Object.assign(auth, { db });
}

export type StandfastAuth = ReturnType<typeof createAuth>;
