import { randomBytes, randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import pg from "pg";
import { ADMIN_TOKEN, SECOND_SPARE_PORT, SPARE_PORT } from "./env";
import {
  DEMO_ACCOUNTS,
  expect,
  expectAllOperational,
  startApp,
  tempDataDir,
  test,
  type App,
} from "./support";

const PG_URL =
  process.env.STANDFAST_TEST_PG_URL || "postgres://standfast:standfast@127.0.0.1:5432/postgres";
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const TARGET = "contoso-takeover";

/** A database of its own on the test server, dropped afterwards. */
async function freshDatabase() {
  const name = `standfast_e2e_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await c.end();
    },
  };
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

async function signIn(page: Page, app: App, next: string) {
  await page.goto(`${app.url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail address").fill(DEMO_ACCOUNTS.viewer.email);
  await page.getByLabel("Password").fill(DEMO_ACCOUNTS.viewer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${app.url}${next}`);
}

test("after kill -9 of the instance running a restore, the page says its worker was lost and another instance resumes and finishes it", async ({
  page,
  playwright,
}) => {
  test.setTimeout(240_000);
  const database = await freshDatabase();
  const dataDir = tempDataDir();
  // Both instances share the store, the archives' folder and a short heartbeat (lost after 2 s).
  const env = {
    DATABASE_URL: database.url,
    STANDFAST_ADMIN_TOKEN: ADMIN_TOKEN!,
    STANDFAST_JOB_HEARTBEAT: "1s",
  };
  // The test writes, and holds uncommitted, a row the restore's "create" step must write too, so
  // the step waits as on a slow store until the test lets it go (rolls back).
  const holder = new pg.Client({ connectionString: database.url });
  const apps: App[] = [];
  try {
    const first = await startApp({ port: SPARE_PORT, dataDir, env });
    apps.push(first);
    const api = await playwright.request.newContext({ baseURL: first.url, extraHTTPHeaders: auth });
    const backup = await json<{ id: string }>(
      await api.post("/api/backups", { data: { service: "contoso-edi", region: "northeurope" } }),
    );
    await expect
      .poll(
        async () =>
          (await json<{ status: string }>(await api.get(`/api/backups/${backup.id}`))).status,
      )
      .toBe("succeeded");

    await expectAllOperational(api);
    await holder.connect();
    await holder.query("begin");
    await holder.query(
      `insert into components (id, name, kind, region, source, interval_ms, timeout_ms, stale_after_ms)
       values ($1, 'held by the test', 'role-instances', 'eastus', '{}', 30000, 5000, 90000)`,
      [`${TARGET}.roles`],
    );
    const restore = await json<{ id: string }>(
      await api.post("/api/restores", {
        data: {
          backupId: backup.id,
          target: TARGET,
          region: "eastus",
          edition: "premium",
          trackingDatabase: `${TARGET}-tracking`,
          storage: "contosotakeover",
          confirm: TARGET,
          idempotencyKey: randomUUID(),
        },
      }),
    );
    const read = async (via: APIRequestContext) =>
      json<{ status: string; step: string; progress: number; worker: { attempts: number } }>(
        await via.get(`/api/restores/${restore.id}`),
      );
    await expect.poll(async () => (await read(api)).step).toBe("create");
    expect(await read(api)).toMatchObject({ status: "running", progress: 0.25 });

    const second = await startApp({ port: SECOND_SPARE_PORT, dataDir, env });
    apps.push(second);
    await signIn(page, second, `/restores/${restore.id}`);
    const live = page.getByTestId("restore-live");
    await expect(live).toHaveAttribute("data-status", "running");
    await expect(page.getByTestId("worker-notice")).toHaveCount(0);

    const killedAt = Date.now();
    await first.kill();
    const api2 = await playwright.request.newContext({
      baseURL: second.url,
      extraHTTPHeaders: auth,
    });
    await expect.poll(async () => (await read(api2)).worker.attempts).toBe(2);
    console.log(`takeover: ${((Date.now() - killedAt) / 1000).toFixed(1)} s after kill -9`);
    const notice = page.getByTestId("worker-notice");
    await expect(notice).toContainText(
      /was lost at \d\d:\d\d:\d\d UTC.*another instance resumed it at "Create the service \(restoring\)" \(attempt 2 of 3\)/,
    );

    await holder.query("rollback");
    await expect(live).toHaveAttribute("data-status", "succeeded");
    const done = await json<{ status: string; log: { message: string }[]; targetState: string }>(
      await api2.get(`/api/restores/${restore.id}`),
    );
    expect(done).toMatchObject({ status: "succeeded", targetState: "suspended" });
    expect(done.log.map((l) => l.message).join("\n")).toMatch(
      /was lost at step "create" \(no heartbeat\); queued to resume[\s\S]*resuming at step "create" \(attempt 2\)/,
    );
    await api.dispose();
    await api2.dispose();
  } finally {
    await holder.end().catch(() => {});
    for (const app of apps.reverse()) await app.stop();
    await database.drop();
  }
});
