import "server-only";
import { getSettings } from "../settings";
import { hasRole, type Actor } from "../roles";
import { actorFromHeaders, requirePageRole } from "./session";

/** Whether anyone may see the board and its JSON API without signing in (STANDFAST_PUBLIC_BOARD). */
export const isBoardPublic = () => getSettings().STANDFAST_PUBLIC_BOARD === "on";

/** For the board's pages: nothing when the board is public, else a viewer or better. */
export async function requireBoardAccess(next: string): Promise<void> {
  if (!isBoardPublic()) await requirePageRole("viewer", next);
}

/** For the board's data: whether this caller may read it. */
export const mayReadBoard = (actor: Actor) => isBoardPublic() || hasRole(actor, "viewer");

/** For the board's JSON API when the board is not public: a viewer's session cookie or token. */
export async function mayReadBoardWith(requestHeaders: Headers): Promise<boolean> {
  return mayReadBoard(await actorFromHeaders(requestHeaders));
}
