import fs from "node:fs";
import path from "node:path";
import { SPARE_PORT } from "./env";
import { startApp, tempDataDir, type App, expect, test } from "./support";

test.describe("a board that is not public (STANDFAST_PUBLIC_BOARD=off)", () => {
  let dataDir = "";
  let app: App;
  test.beforeAll(async () => {
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

  test("sends visitors to sign in, shows the board to a viewer, and keeps its JSON closed", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    for (const path of ["/api/v2/status.json", "/api/board"]) {
      const response = await page.request.get(app.url + path);
      expect(response.status(), path).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "unauthorized",
      );
    }
    // An API token (here the admin token the app wrote for the CLI) reads it, as widgets would.
    const token = fs.readFileSync(path.join(dataDir, "admin-token"), "utf8").trim();
    const withToken = await page.request.get(`${app.url}/api/v2/status.json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.status()).toBe(200);
    await page.goto(`${app.url}/services/contoso-edi`);
    await expect(page).toHaveURL(`${app.url}/sign-in?next=%2Fservices%2Fcontoso-edi`);
    await page.getByLabel("E-mail address").fill("viewer@demo.standfast.test");
    await page.getByLabel("Password").fill("viewer-demo-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${app.url}/services/contoso-edi`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("contoso-edi");
    // The same session reads the board's JSON, as the live board does.
    expect((await page.request.get(`${app.url}/api/board`)).status()).toBe(200);
  });
});
