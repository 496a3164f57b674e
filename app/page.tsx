import { connection } from "next/server";
import { ActiveNotices } from "@/components/incidents/active-notices";
import { BoardLive } from "@/components/board/board-live";
import { BoardSlot } from "@/components/board/board-slot";
import { requireBoardAccess } from "@/lib/auth";
import "@/components/board/board.css";

/**
 * The status board. Its markup is not rendered here: the custom server renders it once per
 * snapshot of the board and puts it in the slot (server/board-page.ts), for every reader alike.
 */
export default async function BoardPage() {
  await connection();
  await requireBoardAccess("/");
  return (
    <div className="space-y-4">
      <ActiveNotices />
      <BoardSlot />
      <BoardLive />
    </div>
  );
}
