import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signInAs } from "./support";

export type Role = keyof typeof DEMO_ACCOUNTS;
export type ColorScheme = "light" | "dark";

/** The two screens every page is checked on; each is checked in light and in dark. */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
export const COLOR_SCHEMES: ColorScheme[] = ["light", "dark"];

type StorageState = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;
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

/** What axe must never find: the impacts the issue holds to zero. */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * The serious and critical axe violations on the page as it is now, one line each naming the
 * rule, its impact and the elements it found, so a failing test says what to fix and where.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .options({
      rules: Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((r) => [r, { enabled: true }])),
    })
    .analyze();
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => {
      const targets = v.nodes.map((n) => n.target.join(" ")).slice(0, 8);
      const more = v.nodes.length > targets.length ? ` (+${v.nodes.length - targets.length})` : "";
      return `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help} at ${targets.join(" | ")}${more}`;
    });
}
