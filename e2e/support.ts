import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN_TOKEN, APP_ENV } from "./env";
export * from "./page-reads";
import {
  beginScan,
  describeFindings,
  endScan,
  patchRequestClass,
  type SecretScan,
} from "./secret-scan";

/** The apps `startApp` started that have not exited yet. */
const runningApps = new Set<App>();

/**
 * The suite's `test`: every spec imports it from here. Each test's responses (pages, RSC payloads,
 * server actions, API calls) are scanned for the demo estate's secrets; a test that received one
 * fails, naming the URL.
 */
export const test = base.extend<{ secretScan: SecretScan; appOutput: void }>({
  appOutput: [
    async ({}, provide, testInfo) => {
      await provide();
      if (testInfo.status === testInfo.expectedStatus) return;
      // A failing test shows what the apps it started said, as its own error cannot.
      for (const app of runningApps) {
        const output = app.output();
        await testInfo.attach(`app on ${app.url}`, { body: output, contentType: "text/plain" });
        const tail = output.trimEnd().split("\n").slice(-40).join("\n");
        console.error(`--- the last lines of the app on ${app.url} ---\n${tail}`);
      }
    },
    { auto: true },
  ],
  secretScan: [
    async ({ browser }, provide) => {
      const scan = beginScan(browser);
      await provide(scan);
      await scan.settle();
      endScan();
      if (scan.findings.length)
        throw new Error(
          `Secrets left the server in these responses:\n${describeFindings(scan.findings)}`,
        );
    },
    { auto: true },
  ],
  context: async ({ context, secretScan }, provide) => {
    secretScan.watchContext(context);
    await provide(context);
    // Read the bodies of responses already received before the context closes.
    await secretScan.settle();
  },
  request: async ({ request, secretScan: _ }, provide) => {
    patchRequestClass(request);
    await provide(request);
  },
});
export { expect };

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

export type Fault = {
  component: string;
  status: string;
  for?: string;
  instances?: number;
  reason?: string;
};

/** Injects a fault through the admin API, as `npm run standfast -- simulate` does. */
export async function injectFault(request: APIRequestContext, fault: Fault) {
  const response = await request.post("/api/admin/faults", { headers: auth, data: fault });
  expect(response.status(), await response.text()).toBe(201);
}

/**
 * Clears every fault, then waits for the incidents they opened to resolve themselves (after the
 * quiet period), so the next spec starts from a board with no incident notices above it.
 */
export async function clearFaults(request: APIRequestContext) {
  const response = await request.delete("/api/admin/faults", { headers: auth, data: {} });
  expect(response.status(), await response.text()).toBe(200);
  await expect
    .poll(
      async () => {
        const open = await request.get("/api/v2/incidents/unresolved.json");
        return ((await open.json()) as { incidents: unknown[] }).incidents.length;
      },
      { message: "the incidents the faults opened resolve themselves", timeout: 60_000 },
    )
    .toBe(0);
}

type StatusDoc = { status: { indicator: string; description: string } };

/** Waits until the whole estate reports operational: a clean start for specs that change it. */
export async function expectAllOperational(request: APIRequestContext) {
  await expect
    .poll(
      async () => {
        const response = await request.get("/api/v2/status.json");
        return ((await response.json()) as StatusDoc).status.indicator;
      },
      { message: "the demo estate becomes all operational" },
    )
    .toBe("none");
}

/** The platform grid's columns, in order. */
const KINDS = ["role-instances", "tracking-database", "storage", "access-control"];

export const board = (page: Page) => ({
  demoBadge: page.getByText(/^Demo estate/),
  overall: page.getByRole("heading", { level: 1 }),
  services: page.locator("[data-service]"),
  service: (id: string) => page.locator(`[data-service="${id}"]`),
  /** A service's header line: its name, state, status and why. */
  serviceHead: (id: string) => page.locator(`[data-service="${id}"] .svc-head`),
  /** A region's row header in the platform grid, with the region's status. */
  regionHeader: (name: string) => page.locator(".pf tbody th").filter({ hasText: name }),
  /** The platform grid's cell of one kind of component in one region (by their ids). */
  platformCell: (kind: string, regionId: string) =>
    page.locator(
      `.pf tr[data-region="${regionId}"] td:nth-child(${2 + KINDS.indexOf(kind)}) .pcell`,
    ),
  cell: (componentId: string) =>
    page.locator(`a.cell[href="/components/${encodeURIComponent(componentId)}"]`).first(),
  problemsOnly: page.getByRole("button", { name: /^(✓ )?Problems only/ }),
  announcement: page.locator("#board-announce"),
  /** The board, with `data-live="ready"` once its script has drawn the data it fetched. */
  live: page.locator("#board"),
});

/** A page's markup without its scripts (the live board's own script holds the board's templates). */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

/** Leaves a mark in the window: if the page navigates or reloads, the mark is gone. */
export async function markWindow(page: Page) {
  await page.evaluate(() => ((window as any).__standfastMark = "still here"));
}

export async function expectSameWindow(page: Page) {
  expect(await page.evaluate(() => (window as any).__standfastMark)).toBe("still here");
}

export type App = {
  url: string;
  dataDir: string;
  /** What the app has printed so far (standard output and error). */
  output(): string;
  stop(): Promise<void>;
  /** Ends the process at once, as a crash or `kill -9` does: nothing is shut down. */
  kill(): Promise<void>;
};

/**
 * Starts another copy of the production app, on its own port and data folder, for specs that
 * need a server in a state the shared one must not be put in (such as no poller).
 */
export async function startApp(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  /** A page that answers 200 once the app is up (the board's JSON is not public on every app). */
  readyPath?: string;
}): Promise<App> {
  const url = `http://127.0.0.1:${options.port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["dist/server.mjs"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: {
      ...process.env,
      ...APP_ENV,
      PORT: String(options.port),
      STANDFAST_DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const app: App = {
    url,
    dataDir: options.dataDir,
    output: () => output,
    stop: end("SIGTERM"),
    kill: end("SIGKILL"),
  };
  runningApps.add(app);
  void exited.then(() => runningApps.delete(app));
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`);
          return fetch(`${url}${options.readyPath ?? "/api/v2/status.json"}`).then(
            (r) => r.status,
            () => 0,
          );
        },
        { message: `the app on ${url} starts`, timeout: 120_000 },
      )
      .toBe(200);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "standfast-e2e-spec-"));
}

/** Waits until the running app reports `status` for one component (read from the live board API). */
export async function expectComponentStatus(
  request: APIRequestContext,
  componentId: string,
  status: string,
) {
  await expect
    .poll(
      async () => {
        const response = await request.get("/api/board");
        const live = (await response.json()) as { components: Record<string, { status: string }> };
        return live.components[componentId]?.status;
      },
      { message: `${componentId} becomes ${status}` },
    )
    .toBe(status);
}

/** The demo estate's accounts, as the sign-in page lists them. */
export const DEMO_ACCOUNTS = {
  viewer: { email: "viewer@demo.standfast.test", password: "viewer-demo-password" },
  operator: { email: "operator@demo.standfast.test", password: "operator-demo-password" },
  admin: { email: "admin@demo.standfast.test", password: "admin-demo-password" },
} as const;

/** Signs in through the sign-in page as a demo account and lands on `next`. */
export async function signInAs(page: Page, role: keyof typeof DEMO_ACCOUNTS, next = "/") {
  const account = DEMO_ACCOUNTS[role];
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === next);
}
