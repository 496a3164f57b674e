import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, signInAs } from "./support";

export type Role = keyof typeof DEMO_ACCOUNTS;
export type ColorScheme = "light" | "dark";

/** The two screens every page is checked on; each is checked in light and in dark. */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
export const COLOR_SCHEMES: ColorScheme[] = ["light", "dark"];

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const signedIn = new Map<Role, StorageState>();

/**
 * A role's signed-in session, made once per worker through the sign-in page and reused by every
 * context after it: one sign-in per role instead of one per page and mode.
 */
export async function sessionOf(browser: Browser, role: Role): Promise<StorageState> {
  const known = signedIn.get(role);
  if (known) return known;
  const context = await browser.newContext();
  try {
    await signInAs(await context.newPage(), role, "/restores");
    const state = await context.storageState();
    signedIn.set(role, state);
    return state;
  } finally {
    await context.close();
  }
}

/**
 * Rules axe leaves off by default as experimental, though each checks a WCAG criterion the issue
 * names: accessible names that hold the visible text (2.5.3), headings and captions in markup rather
 * than only in looks (1.3.1), and pages that turn with the phone (1.3.4).
 */
const EXPERIMENTAL_WCAG_RULES = [
  "label-content-name-mismatch",
  "p-as-heading",
  "table-fake-caption",
  "td-has-header",
  "css-orientation-lock",
];

/**
 * The rules whose outcome depends on the colours: the only ones worth running again once the
 * page is in its other colour scheme (names, labels, roles and structure do not change with it).
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** What axe must never find: the impacts the issue holds to zero. */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * The serious and critical axe violations on the page as it is now, one line each naming the
 * rule, its impact and the elements it found, so a failing test says what to fix and where.
 */
export async function seriousViolations(
  page: Page,
  which: "all rules" | "colour rules" = "all rules",
): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (
    which === "colour rules"
      ? axe.withRules(COLOUR_RULES)
      : axe.options({
          rules: Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((r) => [r, { enabled: true }])),
        })
  ).analyze();
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => {
      const targets = v.nodes.map((n) => n.target.join(" ")).slice(0, 8);
      const more = v.nodes.length > targets.length ? ` (+${v.nodes.length - targets.length})` : "";
      return `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help} at ${targets.join(" | ")}${more}`;
    });
}

export type PageCheck = {
  /** The address to open. */
  path: string;
  /** What shows once the page is there: a main heading unless told otherwise. */
  ready?: (page: Page) => Promise<void>;
};

/** Waits for a main heading with this text. */
export const h1 = (text: string | RegExp) => async (page: Page) =>
  expect(page.getByRole("heading", { level: 1 })).toHaveText(text);

/**
 * Opens each page once per screen (desktop, phone) as `role` (null: not signed in) and runs axe on
 * it in light (every rule) and then dark (the colour rules: the colours follow `prefers-color-scheme`
 * alone, so no reload is needed), returning every finding as "<path> <screen> <scheme>: <violation>".
 */
export async function axeEveryMode(
  browser: Browser,
  role: Role | null,
  pages: PageCheck[],
): Promise<string[]> {
  const storageState = role ? await sessionOf(browser, role) : undefined;
  const found: string[] = [];
  for (const [screen, options] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ ...options, storageState });
    try {
      const page = await context.newPage();
      for (const { path, ready } of pages) {
        await page.emulateMedia({ colorScheme: COLOR_SCHEMES[0] });
        await page.goto(path);
        await (ready ?? ((p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible()))(page);
        for (const [i, colorScheme] of COLOR_SCHEMES.entries()) {
          await page.emulateMedia({ colorScheme });
          for (const line of await seriousViolations(page, i === 0 ? "all rules" : "colour rules"))
            found.push(`${path} ${screen} ${colorScheme}: ${line}`);
        }
      }
    } finally {
      await context.close();
    }
  }
  return found;
}
