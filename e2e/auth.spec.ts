import type { Page } from "@playwright/test";
import { ADMIN_TOKEN, OIDC_NAME } from "./env";
import { expect, test } from "./support";

const DEMO = {
  viewer: { email: "viewer@demo.standfast.test", password: "viewer-demo-password" },
  operator: { email: "operator@demo.standfast.test", password: "operator-demo-password" },
  admin: { email: "admin@demo.standfast.test", password: "admin-demo-password" },
} as const;

async function signIn(page: Page, email: string, password: string, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

const roleInHeader = (page: Page) => page.getByTestId("signed-in-role");

type UserRow = { id: string; email: string; role: string | null; disabled: boolean };
async function usersByApi(page: Page): Promise<UserRow[]> {
  const response = await page.request.get("/api/admin/users", {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { users: UserRow[] }).users;
}

test("the sign-in page shows the demo accounts, one per role", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Standfast" })).toBeVisible();
  const demo = page.getByRole("region", { name: "Demo accounts" });
  for (const [role, account] of Object.entries(DEMO)) {
    const entry = demo.locator(`[data-demo-role="${role}"]`);
    await expect(entry).toContainText(account.email);
    await expect(entry).toContainText(account.password);
  }
  await expect(page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` })).toBeVisible();
});

for (const role of ["viewer", "operator", "admin"] as const) {
  test(`the demo ${role} signs in, sees the role in the header, and signs out`, async ({
    page,
  }) => {
    await signIn(page, DEMO[role].email, DEMO[role].password);
    await expect(page).toHaveURL("/");
    await expect(roleInHeader(page)).toHaveText(role);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(role === "admin" ? 1 : 0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(roleInHeader(page)).toHaveCount(0);
  });
}

test("a wrong password is refused with a clear error, and signs no one in", async ({ page }) => {
  await signIn(page, DEMO.admin.email, "not-the-password");
  await expect(page.getByRole("status").filter({ hasText: "Wrong" })).toHaveText(
    "Wrong e-mail address or password.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("E-mail address")).toHaveValue(DEMO.admin.email);
  await page.goto("/");
  await expect(roleInHeader(page)).toHaveCount(0);
});

test("the form is usable from the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").focus();
  await page.keyboard.type(DEMO.operator.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO.operator.password);
  await page.keyboard.press("Enter");
  await expect(roleInHeader(page)).toHaveText("operator");
});

test("signs in with OIDC at the loopback provider, with the role its claims map to", async ({
  page,
}) => {
  await page.goto("/sign-in?next=%2Fservices%2Fcontoso-edi");
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  // The provider's own (development) login page, on another origin.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill("grace.admin");
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page).toHaveURL("/services/contoso-edi");
  await expect(roleInHeader(page)).toHaveText("admin");
  await expect(page.getByTestId("signed-in-user")).toContainText("Grace Admin");
  const grace = (await usersByApi(page)).find((u) => u.email === "grace@idp.example");
  expect(grace).toMatchObject({ role: "admin", roleSource: "oidc" });
});

test("an OIDC user whose claims map to no role is sent back with the reason", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await page.locator('input[name="login"]').fill("nora.norole");
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    `Your ${OIDC_NAME} account has no Standfast role. Ask your administrator to assign you one.`,
  );
  await expect(roleInHeader(page)).toHaveCount(0);
});

test("an anonymous visitor to /admin/users is sent to sign in, and comes back", async ({
  page,
}) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL("/sign-in?next=%2Fadmin%2Fusers");
  await page.getByLabel("E-mail address").fill(DEMO.admin.email);
  await page.getByLabel("Password").fill(DEMO.admin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});

test("a viewer opening /admin/users is refused with a 403 page", async ({ page }) => {
  await signIn(page, DEMO.viewer.email, DEMO.viewer.password);
  await expect(roleInHeader(page)).toHaveText("viewer");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("demo.standfast.test")).toHaveCount(0);
});

test("an admin disables a user, who can then not sign in, and enables them again", async ({
  browser,
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password, "/admin/users");
  const row = page.locator(`[data-user="${DEMO.operator.email}"]`);
  await row.getByRole("button", { name: `Disable ${DEMO.operator.email}` }).click();
  await expect(row.getByRole("status").filter({ hasText: "disabled" })).toHaveText(
    `${DEMO.operator.email} is disabled.`,
  );
  await expect(row.locator("[data-status]")).toHaveText("Disabled");

  const other = await browser.newPage();
  await signIn(other, DEMO.operator.email, DEMO.operator.password);
  await expect(other.getByRole("status").filter({ hasText: "disabled" })).toHaveText(
    "This account is disabled. Ask a Standfast admin to enable it.",
  );

  await row.getByRole("button", { name: `Enable ${DEMO.operator.email}` }).click();
  await expect(row.locator("[data-status]")).toHaveText("Active");
  await signIn(other, DEMO.operator.email, DEMO.operator.password);
  await expect(roleInHeader(other)).toHaveText("operator");
  await other.close();
});

test("an admin changes a user's role, and back", async ({ page }) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password, "/admin/users");
  const viewer = page.locator(`[data-user="${DEMO.viewer.email}"]`);
  for (const role of ["operator", "viewer"]) {
    await viewer.getByLabel(`Role of ${DEMO.viewer.email}`).selectOption(role);
    await viewer.getByRole("button", { name: "Change role" }).click();
    await expect(viewer.getByRole("status").first()).toHaveText(
      `${DEMO.viewer.email} is now ${role}.`,
    );
    expect((await usersByApi(page)).find((u) => u.email === DEMO.viewer.email)?.role).toBe(role);
  }
});

test("the last admin cannot demote themself", async ({ page }) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password, "/admin/users");
  // Other admins (the OIDC sign-in made one) step aside for a moment, so this one is the last.
  const others = (await usersByApi(page)).filter(
    (u) => u.role === "admin" && !u.disabled && u.email !== DEMO.admin.email,
  );
  const rowOf = (email: string) => page.locator(`[data-user="${email}"]`);
  for (const other of others) {
    await rowOf(other.email)
      .getByRole("button", { name: `Disable ${other.email}` })
      .click();
    await expect(rowOf(other.email).locator("[data-status]")).toHaveText("Disabled");
  }
  const me = rowOf(DEMO.admin.email);
  await me.getByLabel(`Role of ${DEMO.admin.email}`).selectOption("viewer");
  await me.getByRole("button", { name: "Change role" }).click();
  await expect(me.getByRole("status").first()).toContainText("Cannot demote the last admin");
  expect((await usersByApi(page)).find((u) => u.email === DEMO.admin.email)?.role).toBe("admin");
  for (const other of others) {
    await rowOf(other.email)
      .getByRole("button", { name: `Enable ${other.email}` })
      .click();
    await expect(rowOf(other.email).locator("[data-status]")).toHaveText("Active");
  }
});

test("a cross-origin post to an auth route is refused and sets no cookie", async ({ request }) => {
  const response = await request.post("/api/auth/sign-in/email", {
    headers: { origin: "https://evil.example" },
    data: DEMO.admin,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("a server action posted with another site's Origin is refused and changes nothing", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password, "/admin/users");
  // Capture a real "Change role" post (promoting nobody: the viewer stays a viewer)...
  const viewer = page.locator(`[data-user="${DEMO.viewer.email}"]`);
  const [genuine] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/admin/users")),
    viewer.getByRole("button", { name: "Change role" }).click(),
  ]);
  await expect(viewer.getByRole("status").first()).toHaveText(
    `${DEMO.viewer.email} is now viewer.`,
  );
  // ...then replay it with the admin's cookies, promoting the viewer, from another origin.
  const body = genuine
    .postDataBuffer()!
    .toString("latin1")
    .replace(/(name="_1_role"\r\n\r\n)viewer/, "$1admin");
  expect(body).toMatch(/name="_1_role"\r\n\r\nadmin\r\n/);
  for (const origin of ["https://evil.example", null]) {
    const headers = { ...(await genuine.allHeaders()) };
    delete headers.origin;
    delete headers.cookie;
    if (origin) headers.origin = origin;
    const replay = await page.request.post("/admin/users", {
      headers,
      data: Buffer.from(body, "latin1"),
    });
    expect(await replay.text()).not.toContain("is now admin");
  }
  // The same replay from this app's own origin does go through: the refusals above were the Origin's.
  const { cookie: _cookie, ...genuineHeaders } = await genuine.allHeaders();
  const sameOrigin = await page.request.post("/admin/users", {
    headers: genuineHeaders,
    data: genuine.postDataBuffer()!,
  });
  expect(await sameOrigin.text()).toContain(`${DEMO.viewer.email} is now viewer.`);
  await expect(page.getByText(`${DEMO.viewer.email} is now admin.`)).toHaveCount(0);
  expect((await usersByApi(page)).find((u) => u.email === DEMO.viewer.email)?.role).toBe("viewer");
});
