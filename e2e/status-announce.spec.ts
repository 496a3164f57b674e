import {
  clearFaults,
  expect,
  expectAllOperational,
  expectSameWindow,
  injectFault,
  markWindow,
  test,
} from "./support";

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("a component page tells screen readers its new status politely, in the same live region, when it changes", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto("/components/contoso-edi.storage");
  const live = page
    .getByRole("region", { name: "Current status" })
    .locator("[aria-live='polite']")
    .filter({ hasText: "Current status:" });
  await expect(live).toHaveText("Current status: Operational");
  await expect(live).toHaveAttribute("aria-atomic", "true");
  // A live region is heard when its content changes, not when it is replaced: mark this one.
  await live.evaluate((el) => el.setAttribute("data-test-mark", "same region"));
  await markWindow(page);

  await injectFault(request, { component: "contoso-edi.storage", status: "degraded_performance" });
  // The page refreshes itself in place every 30 s.
  await expect(live).toHaveText("Current status: Degraded", { timeout: 60_000 });
  await expect(live).toHaveAttribute("data-test-mark", "same region");
  await expectSameWindow(page);
});
