/** "2026-11-24 14:02:37 UTC": a log's times, to the second. */
export function utcSeconds(iso: string): string {
  const text = new Date(iso).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}
