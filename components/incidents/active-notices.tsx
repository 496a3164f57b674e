import { getBoardSnapshot } from "@/lib/health";
import { getActiveNotices } from "@/lib/incidents";
import { noticesFromViews } from "@/lib/incidents/notice-types";
import { LiveNotices } from "./live-notices";

/**
 * Above the board's grid: the unresolved incidents with their latest update, maintenance in
 * progress, then upcoming maintenance. Rendered on the server with the page, then refreshed in
 * the browser from summary.json as often as the board refreshes, so a new incident appears
 * without a reload. Shows nothing while there is nothing to say.
 */
export async function ActiveNotices() {
  const [{ incidents, active, upcoming }, snapshot] = await Promise.all([
    getActiveNotices(),
    getBoardSnapshot(),
  ]);
  return (
    <LiveNotices
      initial={noticesFromViews(incidents, [...active, ...upcoming])}
      refreshMs={snapshot.view.refreshMs}
    />
  );
}
