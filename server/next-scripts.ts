/**
 * Next's own scripts on the board page, held until the board has been drawn. Next puts them in the
 * page as `async` scripts: they run as soon as they arrive, and Next's runtime and React's
 * hydration (about 150 ms of main thread here) often land between the board's markup and its first
 * frame. The board does not need them: its live script runs inline, and its links work as plain
 * links until Next's router is handed to it. So the board page lists them in a small loader that
 * adds them after the first frame that follows the board (or after HOLD_AT_MOST_MS, for a tab
 * that draws no frames while in the background).
 */

/** An `async` script of Next's, as React writes it into the page. */
const NEXT_ASYNC_SCRIPT = /<script src="(\/_next\/static\/[^"<>]+\.js)" async=""><\/script>/g;
/** A background tab gets no animation frames: the scripts are added after this at the latest. */
export const HOLD_AT_MOST_MS = 3_000;

export interface HeldScripts {
  /** The page without Next's `async` script tags. */
  html: string;
  /** The script that adds them once the board is drawn, to put after the board; "" when none. */
  loader: string;
}

/** Takes Next's `async` script tags out of `html`, and makes the loader that adds them later. */
export function holdNextScripts(html: string): HeldScripts {
  const sources: string[] = [];
  const held = html.replace(NEXT_ASYNC_SCRIPT, (_tag, src: string) => {
    sources.push(src);
    return "";
  });
  if (sources.length === 0) return { html, loader: "" };
  const loader =
    `(function(l){var go=function(){if(!l)return;var s=l;l=null;s.forEach(function(src){` +
    `var e=document.createElement("script");e.src=src;e.async=true;document.body.appendChild(e)})};` +
    `requestAnimationFrame(function(){setTimeout(go)});setTimeout(go,${HOLD_AT_MOST_MS})})` +
    `(${JSON.stringify(sources)})`;
  return { html: held, loader: `<script>${loader}</script>` };
}
