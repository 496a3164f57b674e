import { expect, signInAs, test } from "./support";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

const PAGE_LINKS = ["Status board", "Backups", "Compliance", "Restores", "History"];

test("on a phone the header shows every page link within the screen, the status board first and marked when you are on it", async ({
  page,
}) => {
  await page.goto("/services/contoso-edi");
  const nav = page.getByRole("navigation", { name: "Main" });
  // Subscribing is for people who have signed in: a visitor is not offered it.
  await expect(nav.getByRole("link", { name: "Subscribe" })).toHaveCount(0);
  for (const name of PAGE_LINKS)
    await expect(nav.getByRole("link", { name, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(nav.getByRole("link").first()).toHaveText("Status board");
  // A service's page belongs to the board's section.
  await expect(nav.getByRole("link", { name: "Status board" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeInViewport({
    ratio: 1,
  });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
});

test("on a phone, signed in as an admin, the header still fits: page links, Subscribe, Users, role and Sign out", async ({
  page,
}) => {
  await signInAs(page, "admin", "/admin/users");
  const header = page.getByRole("banner");
  const nav = header.getByRole("navigation", { name: "Main" });
  for (const name of [...PAGE_LINKS, "Subscribe"])
    await expect(nav.getByRole("link", { name, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(header.getByRole("link", { name: "Users" })).toBeInViewport({ ratio: 1 });
  await expect(header.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Status board" })).not.toHaveAttribute("aria-current");
  await expect(header.getByTestId("signed-in-role")).toBeInViewport({ ratio: 1 });
  await expect(header.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
});

test("opening the board asks the server for no other page: the header's links are not prefetched", async ({
  page,
}) => {
  await signInAs(page, "admin", "/admin/users");
  const asked: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (
      url.pathname !== "/" &&
      !url.pathname.startsWith("/_next/") &&
      !url.pathname.startsWith("/api/")
    )
      asked.push(`${url.pathname}${url.search}`);
  });
  await page.goto("/");
  await expect(page.locator("#board")).toHaveAttribute("data-live", "ready");
  // Give a prefetch (made when links come into view after hydration) time to be asked.
  await page.waitForLoadState("networkidle");
  expect(asked.filter((p) => !/\.(svg|png|ico)$/.test(p))).toEqual([]);
  // The links still work, by a click.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Backups" })
    .click();
  await expect(page).toHaveURL(/\/backups$/);
});
