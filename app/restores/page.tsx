import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AutoRefresh } from "@/components/detail/auto-refresh";
import { RestoresTable } from "@/components/restores/restores-table";
import { hasRole } from "@/lib/roles";
import { currentActor, requirePageRole } from "@/lib/auth/session";
import { getBoard } from "@/lib/health";
import { listRestores } from "@/lib/restores";

export const metadata: Metadata = { title: "Restores" };

const LIMIT = 50;

export default async function RestoresPage() {
  await connection();
  await requirePageRole("viewer", "/restores");
  const [restores, actor, board] = await Promise.all([
    listRestores(LIMIT),
    currentActor(),
    getBoard(),
  ]);
  const now = new Date().toISOString();
  const live = restores.some((r) => r.status === "queued" || r.status === "running");
  return (
    <div className="space-y-4">
      {live && <AutoRefresh everyMs={2_000} />}
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Restores</h1>
        {hasRole(actor, "operator") && (
          <Link
            href="/restores/new"
            prefetch={false}
            className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Restore a backup
          </Link>
        )}
      </header>
      <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Every restore brings a backup&apos;s configuration back as a suspended service; it is
        resumed after its checklist. The newest {LIMIT} are listed.
      </p>
      {restores.length ? (
        <RestoresTable
          rows={restores}
          regionNames={new Map(board.regions.map((r) => [r.id, r.name]))}
          now={now}
        />
      ) : (
        <p className="rounded-md border border-zinc-200 px-3 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          No restores yet.
        </p>
      )}
    </div>
  );
}
