import { feedResponse } from "./feed-response";

/** The history as Atom 1.0, at Statuspage's path. */
export const GET = (request: Request) => feedResponse(request, "atom");
