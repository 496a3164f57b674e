import { connection } from "next/server";
import { Board } from "@/components/board/board";
import { Legend } from "@/components/board/legend";
import { getBoard } from "@/lib/health";
import { toLiveBoard } from "@/lib/health/board-types";
import { requireBoardAccess } from "@/lib/auth";

export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  await requireBoardAccess("/");
  const [view, params] = await Promise.all([getBoard(), searchParams]);
  return (
    <div className="space-y-4">
      {view.demo && (
        <p className="inline-flex items-center gap-2 rounded-full border border-violet-400 bg-violet-50 px-3 py-1 text-sm font-semibold text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-100">
          Demo estate
          <span className="font-normal">
            simulated services; try a fault with <code>npm run standfast -- simulate</code>
          </span>
        </p>
      )}
      <Board initial={toLiveBoard(view)} initialProblemsOnly={params.problems === "1"}>
        <Legend />
      </Board>
    </div>
  );
}
