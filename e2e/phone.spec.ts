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

test("at phone width the grid becomes a list per service, without sideways scrolling", async ({
  page,
}) => {
  await page.goto("/");
  const b = board(page);
  await expect(b.overall).toHaveText("All Systems Operational");

  // Region headers are out of sight (kept for screen readers); each cell names its region instead.
  expect(await hiddenFromSight(b.regionHeader("West Europe"))).toBe(true);
  expect(await hiddenFromSight(b.regionHeader("Southeast Asia"))).toBe(true);
  expect(await regionShownBy(b.cell("contoso-edi.roles"))).toBe("West Europe");
  expect(await regionShownBy(b.cell("northwind-dev.storage"))).toBe("Southeast Asia");
  for (const cell of await page.locator("a.cell").all())
    expect(await regionShownBy(cell), (await cell.getAttribute("href")) ?? "").toBeTruthy();

  // Each component row holds its name and its one cell, side by side within the screen.
  const row = b.service("fabrikam-b2b").locator("tr.grid-row").first();
  await expect(row.locator("td:visible")).toHaveCount(1);
  const name = (await row.locator("th").boundingBox())!;
  const cell = (await row.locator("a.cell").boundingBox())!;
  expect(cell.x + cell.width).toBeLessThanOrEqual(390);
  expect(name.width).toBeGreaterThan(100);

  // The service header and its state are there, and nothing runs off the side.
  await expect(b.service("fabrikam-eai").getByTitle("Service state")).toHaveText(/^suspended$/i);
  const overflow = await page.evaluate(() => {
    const grid = document.getElementById("board-grid")!;
    const sideways = (el: Element) => el.scrollWidth - el.clientWidth;
    return {
      page: sideways(document.documentElement),
      grid: Math.max(sideways(grid), sideways(grid.parentElement!)),
    };
  });
  expect(overflow).toEqual({ page: 0, grid: 0 });
});
