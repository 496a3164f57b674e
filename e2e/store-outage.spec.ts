import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { startTcpProxy, type TcpProxy } from "../testing/tcp-proxy";
import { ADMIN_TOKEN, SPARE_PORT } from "./env";
import { expect, startApp, tempDataDir, test, type App } from "./support";

const PG_URL =
  process.env.STANDFAST_TEST_PG_URL || "postgres://standfast:standfast@127.0.0.1:5432/postgres";
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Runs `sql` on the test server's maintenance database. */
async function admin(sql: string) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test.describe("while PostgreSQL cannot be reached", () => {
  const name = `standfast_outage_${randomBytes(6).toString("hex")}`;
  let proxy: TcpProxy;
  let app: App;
  let dataDir = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await admin(`create database ${name}`);
    const url = new URL(PG_URL);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    dataDir = tempDataDir();
    app = await startApp({
      port: SPARE_PORT,
      dataDir,
      env: { DATABASE_URL: url.toString(), STANDFAST_ADMIN_TOKEN: ADMIN_TOKEN! },
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await admin(`drop database if exists ${name} with (force)`);
  });

  test("pages and the API answer 503 saying the store is unreachable, and recover on their own", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`${app.url}/history`);
    const heading = page.getByRole("heading", { level: 1, name: "Incident history" });
    await expect(heading).toBeVisible();

    await proxy.cut();
    // The server asks the store at most once a second: wait until it has noticed.
    await expect
      .poll(async () => (await request.get(`${app.url}/api/backups`, { headers: auth })).status(), {
        message: "once the store is cut, the API answers 503",
      })
      .toBe(503);
    const api = await request.get(`${app.url}/api/backups`, { headers: auth });
    expect(api.headers()["retry-after"]).toBe("5");
    expect((await api.json()).error).toEqual({
      code: "unavailable",
      message: expect.stringMatching(/^The status store is unreachable right now/),
    });

    // The server asks the store at most once a second before a page: until then a page may still
    // start streaming. Once it has noticed, every page is the 503 page.
    let answer: Awaited<ReturnType<typeof page.goto>> = null;
    await expect
      .poll(async () => (answer = await page.goto(`${app.url}/history`))?.status(), {
        message: "once the server has noticed, a page is the 503 page",
      })
      .toBe(503);
    expect(answer!.headers()["retry-after"]).toBe("5");
    const alert = page.getByRole("alert");
    await expect(alert.getByRole("heading")).toHaveText("The status store is unreachable");
    await expect(alert).toContainText("works again as soon as the store is back");

    // Nothing reloads the page but the page itself: it comes back when the store does.
    await proxy.restore();
    await expect(heading, "the 503 page reloads itself into the page").toBeVisible({
      timeout: 60_000,
    });
    await expect
      .poll(async () => (await request.get(`${app.url}/api/backups`, { headers: auth })).status(), {
        message: "once the store is back, the API answers 200",
      })
      .toBe(200);
  });
});
