/**
 * What a spec reads off a page that its locators alone do not say: colours, icons, the region
 * beside a cell, whether something is out of sight, where the tip sits. Specs import these through
 * ./support.
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** The relative luminance (0 black .. 1 white) of an element's colour, whatever its CSS colour syntax. */
export async function luminance(
  page: Page,
  selector: string,
  property: "backgroundColor" | "color" = "backgroundColor",
): Promise<number> {
  return page.evaluate(
    ([sel, prop]) => {
      const color = getComputedStyle(document.querySelector(sel)!)[prop];
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext("2d")!;
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = Array.from(ctx.getImageData(0, 0, 1, 1).data).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    },
    [selector, property] as const,
  );
}

/**
 * Which icon an element shows: an inline SVG symbol, or a CSS-drawn icon (mask or background
 * image on ::before). Null when it shows none. Equal values mean the same shape.
 */
export async function iconOf(locator: Locator): Promise<string | null> {
  return locator.evaluate((el) => {
    const use = el.querySelector("svg use");
    if (use) return use.getAttribute("href");
    const before = getComputedStyle(el, "::before");
    for (const image of [before.maskImage, before.webkitMaskImage, before.backgroundImage])
      if (image && image !== "none") return image;
    return null;
  });
}

/** The region name a cell's row shows beside it, or null when it shows none. */
export async function regionShownBy(cell: Locator): Promise<string | null> {
  return cell.evaluate((a) => {
    const region = a.closest("li")?.querySelector(".row-region");
    return region && region.getBoundingClientRect().width > 0 ? region.textContent : null;
  });
}

/** Whether an element is hidden from sight (it may stay available to screen readers). */
export async function hiddenFromSight(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === "none" || style.visibility === "hidden") return true;
      const box = e.getBoundingClientRect();
      if (style.overflow === "hidden" && box.width <= 1 && box.height <= 1) return true;
    }
    return false;
  });
}

/** The board's one shared tooltip with a cell's details, when it shows. */
export const visibleTip = (page: Page) => page.getByTestId("cell-tip").filter({ visible: true });

/** Whether a tip sits just under an element, where hovering or focusing it would show it. */
export async function expectTipAt(tip: Locator, cell: Locator) {
  const [t, c] = [await tip.boundingBox(), await cell.boundingBox()];
  expect(t && c).toBeTruthy();
  expect(Math.abs(t!.y - (c!.y + c!.height))).toBeLessThan(12);
  expect(t!.x).toBeLessThan(c!.x + c!.width);
  expect(t!.x + t!.width).toBeGreaterThan(c!.x);
}
