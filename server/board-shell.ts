import { getActiveNotices } from "../lib/incidents";
import { noticesFromViews } from "../lib/incidents/notice-types";
import type { Db } from "../lib/db";
import type { Rendered } from "./next-render";

/** Even when nothing it shows has changed, the page around the board is made again this often. */
export const SHELL_AT_MOST_MS = 60_000;

type Kept = { shell: Rendered; key: string; madeAt: number };

/**
 * Next's page around the board (header, notices, scripts) for anonymous readers. Only the notices
 * in it change with the store: the board itself goes in its slot. So the page is asked of Next
 * again only when the notices differ from those it was made with (an incident posted or updated,
 * maintenance starting or ending), or once it is a minute old; a new snapshot of the board alone
 * reuses it. The notices are read before Next is asked: if they change while Next renders, the
 * kept page is newer than its key and the next snapshot makes it again.
 */
export function createShellCache(options: {
  db: () => Db;
  render: (path: string) => Promise<Rendered>;
}) {
  const kept = new Map<string, Kept>();

  async function noticesKey(): Promise<string> {
    const { incidents, active, upcoming } = await getActiveNotices(options.db());
    return JSON.stringify(noticesFromViews(incidents, [...active, ...upcoming]));
  }

  return async function shellOf(path: string): Promise<Rendered> {
    const key = await noticesKey();
    const now = Date.now();
    const previous = kept.get(path);
    if (previous && previous.key === key && now - previous.madeAt < SHELL_AT_MOST_MS)
      return previous.shell;
    const shell = await options.render(path);
    // Only a page with the board's slot is kept: redirects and errors are asked again.
    if (shell.status === 200) kept.set(path, { shell, key, madeAt: now });
    else kept.delete(path);
    return shell;
  };
}
