import { feedResponse } from "../history.atom/feed-response";

/** The history as RSS 2.0, at Statuspage's path. */
export const GET = (request: Request) => feedResponse(request, "rss");
