import {
  board,
  expectAllOperational,
  hiddenFromSight,
  regionShownBy,
  expect,
  test,
} from "./support";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test("at phone width the board fits the screen: the banner and the platform grid first, the legend folded", async ({
  page,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");

  // The legend is folded away: the banner and the start of the platform grid are on the first screen.
  const legend = page.locator("details.board-legend");
  await expect(legend).not.toHaveAttribute("open");
  await expect(legend.locator("ul")).toBeHidden();
  for (const el of [b.overall, b.regionHeader("West Europe")]) {
    const box = (await el.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(844);
  }
  // The grid's column headings are out of sight (kept for screen readers); each cell shows its kind.
  expect(await hiddenFromSight(page.locator(".pf thead th").nth(1))).toBe(true);
  const storage = b.platformCell("storage", "eastus");
  await expect(storage).toContainText("Operational");
  await expect(storage.locator("xpath=..").locator(".pf-kind")).toHaveText("Storage accounts");
  // A region with nothing watched takes one line, and says so.
  const northEurope = page.locator('.pf tr[data-region="northeurope"]');
  await expect(northEurope.locator("th")).toHaveText("North Europe nothing monitored");
  expect(await hiddenFromSight(northEurope.locator("td").first())).toBe(true);

  // Each component's row names its region beside its cell.
  await expect.poll(() => regionShownBy(b.cell("contoso-edi.roles"))).toBe("West Europe");
  await expect.poll(() => regionShownBy(b.cell("northwind-dev.storage"))).toBe("Southeast Asia");
  await expect(b.live).toHaveAttribute("data-live", "ready");
  for (const cell of await page.locator("a.cell").all()) {
    await expect(cell).toBeVisible();
    // Polled: the live board may swap the cell for a fresh copy between finding and reading it.
    await expect
      .poll(() => regionShownBy(cell), (await cell.getAttribute("href")) ?? "")
      .toBeTruthy();
    await expect
      .poll(async () => {
        const box = await cell.boundingBox();
        return box && box.x + box.width <= 390;
      }, "the cell fits the screen")
      .toBe(true);
  }

  // The service header and its state are there, and nothing runs off the side.
  await expect(b.service("fabrikam-eai").getByTitle("Service state")).toHaveText(/^suspended$/i);
  const overflow = await page.evaluate(() => {
    const sideways = (el: Element) => el.scrollWidth - el.clientWidth;
    return {
      page: sideways(document.documentElement),
      platform: sideways(document.querySelector(".pf-scroll")!),
      services: sideways(document.getElementById("board-grid")!),
    };
  });
  expect(overflow).toEqual({ page: 0, platform: 0, services: 0 });
});
