import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { COLOR_SCHEMES, VIEWPORTS, seriousViolations, sessionOf, type Role } from "./a11y";
import { ADMIN_TOKEN } from "./env";
import {
  clearFaults,
  expect,
  expectAllOperational,
  expectComponentStatus,
  injectFault,
  test,
  type Fault,
} from "./support";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** The newest succeeded backup of contoso-edi, as the admin API lists it. */
async function aBackup(request: APIRequestContext): Promise<string> {
  const { rows } = await json<{ rows: { id: string }[] }>(
    await request.get("/api/backups?service=contoso-edi&status=succeeded", { headers: auth }),
  );
  expect(rows.length, "contoso-edi has a succeeded backup").toBeGreaterThan(0);
  return rows[0]!.id;
}

/** A finished restore of that backup into a new service, made through the API as a client would. */
async function aRestore(request: APIRequestContext): Promise<string> {
  const backupId = await aBackup(request);
  const target = `axe-${randomUUID().slice(0, 8)}`;
  const restore = await json<{ id: string }>(
    await request.post("/api/restores", {
      headers: auth,
      data: {
        backupId,
        target,
        region: "eastus",
        edition: "premium",
        trackingDatabase: `${target}-tracking`,
        storage: target.replace(/-/g, ""),
        confirm: target,
        idempotencyKey: randomUUID(),
      },
    }),
  );
  await expect
    .poll(
      async () =>
        (
          await json<{ status: string }>(
            await request.get(`/api/restores/${restore.id}`, { headers: auth }),
          )
        ).status,
      { message: `the restore into ${target} finishes` },
    )
    .toBe("succeeded");
  return restore.id;
}

type Check = {
  /** The page, or how to find it (for pages of things the test makes first). */
  path: string | ((request: APIRequestContext) => Promise<string>);
  /** Who opens it: null for a visitor who is not signed in. */
  as: Role | null;
  /** What shows once the page is there: its main heading unless told otherwise. */
  ready?: (page: Page) => Promise<void>;
};

const h1 = (text: string | RegExp) => async (page: Page) =>
  expect(page.getByRole("heading", { level: 1 })).toHaveText(text);

const PAGES: Record<string, Check> = {
  "the status board": { path: "/", as: null },
  "a service": { path: "/services/contoso-edi", as: null, ready: h1("contoso-edi") },
  "a component": { path: "/components/contoso-edi.roles", as: null },
  "sign-in": { path: "/sign-in", as: null },
  "the 404 page": { path: "/no-such-page", as: null, ready: h1("Not found") },
  "an unknown service": {
    path: "/services/no-such-service",
    as: null,
    ready: h1("No such service"),
  },
  "an unknown component": {
    path: "/components/no-such.component",
    as: null,
    ready: h1("No such component"),
  },
  backups: { path: "/backups", as: "operator", ready: h1("Backups") },
  "a backup": { path: async (r) => `/backups/${await aBackup(r)}`, as: "operator" },
  "an unknown backup": {
    path: `/backups/${randomUUID()}`,
    as: "viewer",
    ready: h1("No such backup"),
  },
  compliance: { path: "/compliance", as: "viewer" },
  restores: { path: "/restores", as: "operator" },
  "a new restore, choosing a backup": { path: "/restores/new", as: "operator" },
  "a new restore of a backup": {
    path: async (r) => `/restores/new?backup=${await aBackup(r)}`,
    as: "operator",
  },
  "a restore": { path: async (r) => `/restores/${await aRestore(r)}`, as: "operator" },
  "an unknown restore": {
    path: `/restores/${randomUUID()}`,
    as: "viewer",
    ready: h1("No such restore"),
  },
  "the forbidden page": { path: "/admin/users", as: "viewer", ready: h1("Not allowed") },
  users: { path: "/admin/users", as: "admin" },
  "the audit log": { path: "/admin/audit", as: "admin" },
};

test.describe.configure({ timeout: 180_000 });

/** Opens the page in each mode (desktop and phone, light and dark) and fails naming every finding. */
function checkEveryMode(name: string, check: Check) {
  test(`${name} has no serious or critical axe violations, desktop and phone, light and dark`, async ({
    browser,
    request,
  }) => {
    const path = typeof check.path === "string" ? check.path : await check.path(request);
    const storageState = check.as ? await sessionOf(browser, check.as) : undefined;
    const ready =
      check.ready ?? ((p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible());
    const found: string[] = [];
    for (const [screen, options] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ ...options, storageState });
      const page = await context.newPage();
      for (const colorScheme of COLOR_SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await ready(page);
        for (const line of await seriousViolations(page))
          found.push(`${screen} ${colorScheme}: ${line}`);
      }
      await context.close();
    }
    expect(found, `axe on ${path}`).toEqual([]);
  });
}

test.describe("every page, all operational", () => {
  test.beforeEach(async ({ request }) => {
    await expectAllOperational(request);
  });
  for (const [name, check] of Object.entries(PAGES)) checkEveryMode(name, check);
});

/** One of each status the estate can show, and a read that fails. */
const TROUBLE: (Fault & { shows: string })[] = [
  { component: "contoso-edi.roles", status: "major_outage", instances: 1, shows: "partial_outage" },
  {
    component: "contoso-edi.storage",
    status: "degraded_performance",
    shows: "degraded_performance",
  },
  { component: "fabrikam-b2b.tracking-db", status: "major_outage", shows: "major_outage" },
  { component: "fabrikam-shared-acs", status: "under_maintenance", shows: "under_maintenance" },
  { component: "northwind-dev.storage", status: "silent", shows: "unknown" },
];

test.describe("the live pages, with every status showing", () => {
  test.beforeEach(async ({ request }) => {
    await expectAllOperational(request);
    for (const { shows: _, ...fault } of TROUBLE) await injectFault(request, fault);
    for (const { component, shows } of TROUBLE)
      await expectComponentStatus(request, component, shows);
  });
  test.afterEach(async ({ request }) => {
    await clearFaults(request);
  });
  checkEveryMode("the troubled status board", { path: "/", as: null });
  checkEveryMode("a service with an outage", { path: "/services/contoso-edi", as: null });
  checkEveryMode("a service impacted by a dependency", {
    path: "/services/fabrikam-b2b",
    as: null,
  });
  checkEveryMode("a component in partial outage", {
    path: "/components/contoso-edi.roles",
    as: null,
  });
  checkEveryMode("a component with no fresh reading", {
    path: "/components/northwind-dev.storage",
    as: null,
  });
});
