/**
 * The server's clock as this browser sees it. Ages are measured on the server's clock, from the
 * times the board carries; a browser whose clock is off would otherwise keep stale data green.
 */
const estimates: number[] = [];
let offset = 0;

/**
 * Learns from a board the server made at `generatedAt`, asked for at `askedAt` (this browser's
 * clock). Each estimate is short by the age of the server's cached board, so the largest of the
 * last few is the closest; keeping only a few lets a corrected clock on either side take over.
 */
export function learnServerClock(generatedAt: string, askedAt: number): void {
  estimates.push(Date.parse(generatedAt) - askedAt);
  if (estimates.length > 5) estimates.shift();
  offset = Math.max(...estimates);
}

/** The server's time now, from this browser's `browserNow`; the page's own board teaches it first. */
export function serverNow(browserNow: number, pageGeneratedAt: string): number {
  // The page was asked for when it began to load.
  if (estimates.length === 0) learnServerClock(pageGeneratedAt, Date.now() - performance.now());
  return browserNow + offset;
}
