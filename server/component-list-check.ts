import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../lib/db";
import { componentListProblem, getBoardSnapshot } from "../lib/health";
import { isOwnRender } from "./next-render";

/** The query as Next gives it to a page: a repeated name becomes a list. */
function searchOf(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    // Next's own cache-buster for its navigation data is not a filter.
    if (key === "_rsc") continue;
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/** Makes the page Next renders for this response go out as `status` instead of 200. */
function answerAs(res: ServerResponse, status: number): void {
  const writeHead = res.writeHead.bind(res) as (code: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((code: number, ...rest: unknown[]) =>
    writeHead(code === 200 ? status : code, ...rest)) as typeof res.writeHead;
}

/**
 * The component list (`/components?kind=…&region=…`) is a Next page, which cannot choose its own
 * status: its page says what is wrong with a bad query, and this makes that answer a 400, by the
 * same check the page makes. Redirects (a private board's visitors) and errors keep their status.
 */
export function createComponentListCheck(options: {
  db: () => Db;
  passToNext: (req: IncomingMessage, res: ServerResponse) => void;
}) {
  return function componentListCheck(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    if ((q === -1 ? url : url.slice(0, q)) !== "/components" || isOwnRender(req.headers))
      return false;
    const search = searchOf(q === -1 ? "" : url.slice(q + 1));
    getBoardSnapshot(options.db())
      .then((snapshot) => {
        if (componentListProblem(search, snapshot.view)) answerAs(res, 400);
      })
      // Without a board there is nothing to check against: the page says so itself.
      .catch(() => {})
      .finally(() => options.passToNext(req, res));
    return true;
  };
}
