import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { HOLD_AT_MOST_MS, holdNextScripts } from "./next-scripts";

const tag = (src: string) => `<script src="${src}" async=""></script>`;
const PAGE =
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>` +
  `${tag("/_next/static/chunks/main.js")}${tag("/_next/static/chunks/turbopack-x.js")}` +
  `<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head><body>` +
  `<div id="board-root"></div><script id="_R_">(self.TURBOPACK=[]).push(1)</script>` +
  `${tag("/_next/static/chunks/page.js")}<script>self.__next_f=[]</script></body></html>`;

/**
 * Runs a loader in a page of its own: records the scripts it adds to the body, and lets the test
 * run the animation frames and timers the page would.
 */
function runLoader(loader: string) {
  const added: { src: string; async: boolean }[] = [];
  const frames: (() => void)[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const document = {
    createElement: (name: string) => ({ name, src: "", async: false }),
    body: { appendChild: (e: { src: string; async: boolean }) => added.push(e) },
  };
  vm.runInNewContext(/^<script>([\s\S]*)<\/script>$/.exec(loader)![1]!, {
    document,
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    setTimeout: (fn: () => void, ms = 0) => timers.push({ fn, ms }),
  });
  return {
    added,
    /** The next animation frame. */
    frame: () => frames.splice(0).forEach((fn) => fn()),
    /** The timers due within `ms`, as time passes that far. */
    timers: (ms = Infinity) => {
      const due = timers.filter((t) => t.ms <= ms);
      timers.splice(0, timers.length, ...timers.filter((t) => t.ms > ms));
      due.forEach((t) => t.fn());
    },
    pending: () => timers.map((t) => t.ms),
  };
}

describe("Next's scripts on the board page", () => {
  it("are taken out of the page and listed, in order, in a loader; nothing else changes", () => {
    const { html, loader } = holdNextScripts(PAGE);
    expect(html).toBe(
      PAGE.replace(tag("/_next/static/chunks/main.js"), "")
        .replace(tag("/_next/static/chunks/turbopack-x.js"), "")
        .replace(tag("/_next/static/chunks/page.js"), ""),
    );
    expect(html).toContain('noModule=""');
    expect(html).toContain('<script id="_R_">');
    expect(loader).toMatch(/^<script>[^<]*<\/script>$/);
    expect(loader).toContain(
      '["/_next/static/chunks/main.js","/_next/static/chunks/turbopack-x.js","/_next/static/chunks/page.js"]',
    );
  });

  it("are added once the board's first frame is drawn, async, each once", () => {
    const page = runLoader(holdNextScripts(PAGE).loader);
    // Nothing while the page is parsed; the first frame only schedules them after itself.
    expect(page.added).toEqual([]);
    page.frame();
    expect(page.added).toEqual([]);
    page.timers(HOLD_AT_MOST_MS - 1);
    expect(page.added.map((s) => s.src)).toEqual([
      "/_next/static/chunks/main.js",
      "/_next/static/chunks/turbopack-x.js",
      "/_next/static/chunks/page.js",
    ]);
    expect(page.added.every((s) => s.async)).toBe(true);
    // The fallback timer, when it fires later, adds nothing more.
    page.timers();
    expect(page.added).toHaveLength(3);
  });

  it("are added after HOLD_AT_MOST_MS when no frame comes (a tab in the background), each once", () => {
    const page = runLoader(holdNextScripts(PAGE).loader);
    expect(page.pending()).toEqual([HOLD_AT_MOST_MS]);
    page.timers();
    expect(page.added).toHaveLength(3);
    page.frame();
    page.timers();
    expect(page.added).toHaveLength(3);
  });

  it("leaves a page without them as it is, with no loader", () => {
    const page =
      '<html><body><script>1</script><script src="/other.js" async=""></script></body></html>';
    expect(holdNextScripts(page)).toEqual({ html: page, loader: "" });
  });

  it("holds only a plain path under /_next/static/: nothing that could break out of the loader", () => {
    const odd = [
      '<script src="/_next/static/chunks/a.js?x" async=""></script>',
      '<script src="https://elsewhere.example/_next/static/a.js" async=""></script>',
      '<script src="/_next/static/chunks/</script><script>alert(1)</script>.js" async=""></script>',
    ].join("");
    const { html, loader } = holdNextScripts(odd + tag("/_next/static/chunks/ok.js"));
    expect(html).toBe(odd);
    expect(loader).toContain('["/_next/static/chunks/ok.js"]');
    expect(loader).not.toMatch(/<\/script[\s\S]*<\/script>/);
  });
});
