/**
 * The place for active incidents and scheduled maintenance, above the board (as the Azure status
 * page shows them). The incidents module fills it; until then there is nothing to show.
 */
export function ActiveNotices() {
  return null;
}
