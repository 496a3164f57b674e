/**
 * What the config and the specs share. The config fills these in on its first load; workers
 * inherit the environment, so every process agrees on one port and one token.
 */
import { randomBytes } from "node:crypto";

process.env.STANDFAST_E2E_PORT ||= "3321";
process.env.STANDFAST_E2E_TOKEN ||= `e2e-${randomBytes(24).toString("base64url")}`;

export const PORT = Number(process.env.STANDFAST_E2E_PORT);
/** A second port, for specs that start an app of their own. */
export const SPARE_PORT = PORT + 1;
/** A third, for specs that run two apps side by side (after the OIDC provider's). */
export const SECOND_SPARE_PORT = PORT + 3;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The loopback OIDC provider the suite signs in with (e2e/oidc-server.mjs). */
export const OIDC_PORT = PORT + 2;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_NAME = "Test IdP";
export const ADMIN_TOKEN = process.env.STANDFAST_E2E_TOKEN;

/** Settings every app the suite starts runs with: fast polling, fast board refresh. */
export const APP_ENV = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  STANDFAST_DEFAULT_INTERVAL: "2s",
  STANDFAST_BOARD_REFRESH: "1s",
  NEXT_TELEMETRY_DISABLED: "1",
} as const;
