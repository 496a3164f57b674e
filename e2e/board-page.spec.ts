import fs from "node:fs";
import { SPARE_PORT } from "./env";
import {
  board,
  expectAllOperational,
  expectSameWindow,
  markWindow,
  signInAs,
  withoutScripts,
  startApp,
  tempDataDir,
  expect,
  test,
  type App,
} from "./support";

test("anonymous readers share one page per snapshot: tagged, revalidated, the board's data sent once", async ({
  request,
}) => {
  await expectAllOperational(request);
  const first = await request.get("/");
  expect(first.status()).toBe(200);
  expect(first.headers().etag).toMatch(/^W\/"[\w-]+"$/);
  expect(first.headers()["cache-control"]).toBe("private, no-cache");
  expect(first.headers()["set-cookie"]).toBeUndefined();
  const html = await first.text();
  // The board once, in its slot, followed there by the live board's script (which holds the
  // board's templates, not its data); Next's hydration data holds only the slot's marker.
  const markup = withoutScripts(html);
  expect(markup.match(/<div id="board" /g)).toHaveLength(1);
  expect(markup.match(/aria-label="Operational/g)?.length).toBe(15);
  const slot = html.indexOf('<div id="board-root"><div id="board" ');
  const script = html.slice(html.indexOf("<script>", slot), html.indexOf("</script></div>", slot));
  expect(html.lastIndexOf('data-service="', html.indexOf("<script>", slot))).toBeGreaterThan(slot);
  expect(script.length).toBeGreaterThan(1000);
  expect(script).not.toContain("contoso-edi");
  expect(html).toContain("\\u003c!--standfast:board--\\u003e");
  expect(html).not.toContain("<!--standfast:board-->");
  // A reader who has the current version is told so without a body (a new snapshot, at most once
  // a second, makes a new version: ask again at once).
  await expect
    .poll(async () => {
      const tag = (await request.get("/")).headers().etag!;
      const again = await request.get("/", { headers: { "if-none-match": tag } });
      return `${again.status()} ${(await again.body()).length} ${again.headers().etag === tag}`;
    })
    .toBe("304 0 true");
});

test("a signed-in reader sees their name in the header and the same live board", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  await signInAs(page, "viewer");
  await expect(page.getByTestId("signed-in-role")).toHaveText("viewer");
  await expect(board(page).overall).toHaveText("All Systems Operational");
  await expect(page.locator("a.cell")).toHaveCount(16);
  await expect(page.locator("#board")).toHaveAttribute("data-live", "ready");
  // Reloaded, the page is made for them again, the board in it.
  await page.reload();
  await expect(page.getByTestId("signed-in-role")).toHaveText("viewer");
  await expect(page.locator("a.cell")).toHaveCount(16);
});

test("the board goes live from its own script: inline in a loaded page, fetched once after a client-side navigation", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/_standfast/board-live.js") fetched.push(r.url());
  });
  const nav = page.getByRole("navigation", { name: "Main" });
  const live = page.locator("#board");

  // Loaded with the board: its script came in the page, nothing more is asked.
  await page.goto("/");
  await expect(live).toHaveAttribute("data-live", "ready");
  expect(fetched).toEqual([]);

  // Loaded elsewhere, then to the board without a reload: the script is asked for, once.
  await page.goto("/services/contoso-edi");
  await markWindow(page);
  await nav.getByRole("link", { name: "Status board" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(live).toHaveAttribute("data-live", "ready");
  await expect(page.locator("a.cell")).toHaveCount(16);
  await expect(board(page).overall).toHaveText("All Systems Operational");
  expect(fetched).toHaveLength(1);
  // Its links navigate in the same window; back on the board, the same script runs it again.
  await page.locator('#board a[href="/services/contoso-edi"]').first().click();
  await expect(page).toHaveURL(/\/services\/contoso-edi$/);
  await nav.getByRole("link", { name: "Status board" }).click();
  await expect(live).toHaveAttribute("data-live", "ready");
  await expect(page.locator("a.cell")).toHaveCount(16);
  expect(fetched).toHaveLength(1);
  await expectSameWindow(page);
});

test("Next's own scripts are added once the board is live and drawn, and then run the app's navigation", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  // The page as sent lists them only in the loader, at the end of the board's slot.
  const html = await (await request.get("/")).text();
  expect(html).not.toMatch(/<script src="\/_next\/static\/[^"]*" async/);
  const listed = /\}\)\((\["\/_next\/static\/[^\]<]*\])\)<\/script><\/div>/.exec(html);
  const sources = JSON.parse(listed![1]!) as string[];
  expect(sources.length).toBeGreaterThan(3);

  // In the browser: none of them is in the page when the live board starts; then all of them are.
  await page.addInitScript(() => {
    const count = () =>
      document.querySelectorAll('script[src*="/_next/static/chunks/"]:not([nomodule])').length;
    new MutationObserver((changes, observer) => {
      if (!changes.some((c) => c.attributeName === "data-live")) return;
      Object.assign(window, { nextScriptsWhenLive: count() });
      observer.disconnect();
    }).observe(document, { subtree: true, attributeFilter: ["data-live"] });
  });
  await page.goto("/");
  await expect(page.locator("#board")).toHaveAttribute("data-live", "ready");
  expect(
    await page.evaluate(() => (window as { nextScriptsWhenLive?: number }).nextScriptsWhenLive),
  ).toBe(0);
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLScriptElement>("script[src]")].map(
          (s) => new URL(s.src).pathname,
        ),
      ),
    )
    .toEqual(expect.arrayContaining(sources));
  // Next runs: its links navigate without a reload.
  await markWindow(page);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Compliance" })
    .click();
  await expect(page).toHaveURL(/\/compliance$/);
  await expectSameWindow(page);
});

test("after a client-side navigation, a board whose script cannot be loaded says so", async ({
  page,
}) => {
  await page.route("**/_standfast/board-live.js", (route) => route.abort());
  await page.goto("/services/contoso-edi");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Status board" })
    .click();
  await expect(page.locator("#board-root").getByRole("alert")).toContainText(
    "The live board could not be loaded. Reload the page to try again.",
  );
  await expect(page.locator("#board")).toHaveCount(0);
});

test.describe("a board that is not public", () => {
  let dataDir = "";
  let app: App;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    dataDir = tempDataDir();
    app = await startApp({
      port: SPARE_PORT,
      dataDir,
      env: {
        STANDFAST_PUBLIC_BOARD: "off",
        STANDFAST_PUBLIC_URL: `http://127.0.0.1:${SPARE_PORT}`,
      },
      readyPath: "/sign-in",
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("visitors are sent to sign in and never get the board; a viewer gets it", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const visitor = await page.request.get(`${app.url}/`, { maxRedirects: 0 });
    expect(visitor.status()).toBe(307);
    expect(visitor.headers().location).toMatch(/\/sign-in\?next=%2F$/);
    expect(await visitor.text()).not.toContain('id="board"');
    const list = await page.request.get(`${app.url}/components?kind=storage`, { maxRedirects: 0 });
    expect(list.status()).toBe(307);
    // A cookie that is not a session is no way in.
    const guessed = await page.request.get(`${app.url}/`, {
      maxRedirects: 0,
      headers: { cookie: "standfast.session_token=guessed" },
    });
    expect(guessed.status()).toBe(307);
    expect(await guessed.text()).not.toContain('id="board"');

    await page.goto(app.url);
    await expect(page).toHaveURL(`${app.url}/sign-in?next=%2F`);
    await page.getByLabel("E-mail address").fill("viewer@demo.standfast.test");
    await page.getByLabel("Password").fill("viewer-demo-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${app.url}/`);
    await expect(page.locator("#board")).toHaveAttribute("data-live", "ready");
    await expect(page.locator(".pf tbody th").first()).toContainText("West Europe");
    await page.goto(`${app.url}/components?kind=storage&region=eastus`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Storage accounts in East US");
  });
});
