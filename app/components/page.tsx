import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ComponentTable } from "@/components/component-list/component-table";
import { ListPages } from "@/components/component-list/list-pages";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { requireBoardAccess } from "@/lib/auth";
import {
  getBoard,
  listComponents,
  parseComponentListQuery,
  STATUSES,
  STATUS_LABEL,
} from "@/lib/health";
import "@/components/board/board.css";

export const metadata: Metadata = { title: "Components" };

type Search = Record<string, string | string[] | undefined>;

function addressOf(params: Search): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, value);
  const text = q.toString();
  return text ? `/components?${text}` : "/components";
}

/**
 * The components of one kind in one region (either, both, or neither), as a platform cell of the
 * board links to them: worst first, a page at a time. A bad query says what is wrong; the custom
 * server answers it with 400 (server/component-list-check.ts).
 */
export default async function ComponentListPage({
  searchParams,
}: {
  searchParams: Promise<Search>;
}) {
  await connection();
  const params = await searchParams;
  await requireBoardAccess(addressOf(params));
  const board = await getBoard();
  const parsed = parseComponentListQuery(params, board.regions);
  const listed = parsed.ok ? listComponents(board, parsed.query) : null;
  const problem = !parsed.ok
    ? parsed.problem.message
    : listed && "pageOutOfRange" in listed
      ? `There is no page ${parsed.query.page}: this list has ${listed.pageOutOfRange} page${listed.pageOutOfRange === 1 ? "" : "s"}.`
      : null;
  if (problem || !parsed.ok || !listed || "pageOutOfRange" in listed) {
    return (
      <div className="space-y-4">
        <Breadcrumbs trail={[{ label: "Components" }]} />
        <h1 className="text-2xl font-semibold">Components</h1>
        <p
          role="alert"
          className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-sm font-medium text-red-900 dark:bg-red-950/50 dark:text-red-100"
        >
          {problem}
        </p>
        <p className="text-sm">
          <Link href="/" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
            Back to the status board
          </Link>
        </p>
      </div>
    );
  }
  const { query } = parsed;
  const byStatus = new Map<string, number>();
  for (const c of Object.values(board.components))
    if ((!query.kind || c.kind === query.kind) && (!query.region || c.region === query.region))
      byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  const summary = STATUSES.filter((s) => byStatus.get(s))
    .map((s) => `${byStatus.get(s)} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(", ");
  const pageHref = (page: number) =>
    addressOf({ ...params, page: page === 1 ? undefined : String(page) });
  return (
    <div className="space-y-4">
      <Breadcrumbs trail={[{ label: listed.title }]} />
      <header>
        <h1 className="text-2xl font-semibold">{listed.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {listed.total === 0
            ? "Nothing of this kind is monitored here."
            : `${listed.total} component${listed.total === 1 ? "" : "s"}: ${summary}. Problems first. As of ${board.store.readAt.slice(11, 19)} UTC.`}
        </p>
      </header>
      {listed.total > 0 && <ComponentTable rows={listed.rows} at={board.generatedAt} />}
      {query.region && (
        <p className="text-sm">
          <Link
            href={`/regions/${encodeURIComponent(query.region)}/evacuate`}
            prefetch={false}
            className="text-blue-700 underline underline-offset-2 dark:text-blue-400"
          >
            If this region is lost: plan its evacuation
          </Link>
        </p>
      )}
      <ListPages page={listed.page} pages={listed.pages} href={pageHref} />
    </div>
  );
}
