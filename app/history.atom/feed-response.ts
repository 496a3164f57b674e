import "server-only";
import { mayReadBoardWith } from "@/lib/auth";
import { errorResponse } from "@/lib/http";
import { getHistoryFeed } from "@/lib/incidents";
import { unauthorized } from "@/lib/errors";

const TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** A feed, to whoever may read the board (everyone, unless the board is private). */
export async function feedResponse(request: Request, format: "rss" | "atom") {
  try {
    if (!(await mayReadBoardWith(request.headers)))
      throw unauthorized("This board is not public: sign in, or send a viewer's API token.");
    return new Response(await getHistoryFeed(format), {
      headers: { "content-type": TYPES[format], "cache-control": "no-cache" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
