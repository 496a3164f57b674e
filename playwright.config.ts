import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { OIDC_CLIENT } from "./e2e/oidc-provider.mjs";
import { ADMIN_TOKEN, APP_ENV, BASE_URL, OIDC_ISSUER, OIDC_NAME, OIDC_PORT, PORT } from "./e2e/env";

/** A system Chromium when there is one (CI installs Debian's); otherwise Playwright's own. */
const executablePath =
  process.env.CHROMIUM_PATH ||
  (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // The specs share one app and inject faults into it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node e2e/oidc-server.mjs",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        STANDFAST_E2E_OIDC_PORT: String(OIDC_PORT),
        STANDFAST_E2E_OIDC_REDIRECT: `${BASE_URL}/api/auth/callback/oidc`,
      },
    },
    {
      command: "node e2e/serve.mjs",
      url: `${BASE_URL}/api/v2/status.json`,
      reuseExistingServer: false,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...APP_ENV,
        PORT: String(PORT),
        STANDFAST_ADMIN_TOKEN: ADMIN_TOKEN!,
        STANDFAST_PUBLIC_URL: BASE_URL,
        STANDFAST_OIDC_ISSUER: OIDC_ISSUER,
        STANDFAST_OIDC_CLIENT_ID: OIDC_CLIENT.id,
        STANDFAST_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        STANDFAST_OIDC_NAME: OIDC_NAME,
        // The suite signs in many times from one address; the limit itself is tested in vitest.
        STANDFAST_SIGN_IN_LIMIT: "1000/1m",
      },
    },
  ],
});
