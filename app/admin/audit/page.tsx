import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { listAuditLog } from "@/lib/audit";
import { requirePageRole } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { AdminNav } from "@/components/nav/admin-nav";
import { AuditEntries } from "@/components/admin/audit-entries";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const FILTERS = ["action", "actor", "person", "outcome", "from", "to", "page"] as const;

const input =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Every privileged action, append-only, newest first. Admins only. */
export default async function AuditPage({ searchParams }: Props) {
  await connection();
  await requirePageRole("admin", "/admin/audit");
  const raw = await searchParams;
  const params = Object.fromEntries(
    FILTERS.map((k) => [k, typeof raw[k] === "string" ? (raw[k] as string) : undefined]),
  );
  let result: Awaited<ReturnType<typeof listAuditLog>> | null = null;
  let problem: string | null = null;
  try {
    result = await listAuditLog(params);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problem = error.message;
  }
  const pageHref = (page: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...params, page: String(page) }).filter(([, v]) => v) as [string, string][],
    );
    return `/admin/audit?${q}`;
  };
  return (
    <div className="space-y-5">
      <Breadcrumbs trail={[{ label: "Audit log" }]} />
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <AdminNav />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every privileged action: sign-ins that failed, role changes, backups, restores, resumes,
        management operations and fault injection, with who, when, what and the outcome. The
        database refuses changes to it.
      </p>
      <form
        method="get"
        className="grid grid-cols-1 items-end gap-3 min-[480px]:grid-cols-2 md:flex md:flex-wrap print:hidden"
        role="search"
        aria-label="Filter the audit log"
      >
        <label className="grid gap-1 text-sm">
          Action starts with
          <input
            name="action"
            defaultValue={params.action}
            placeholder="restores."
            className={input}
          />
        </label>
        <label className="grid gap-1 text-sm">
          Person
          <select
            name="person"
            defaultValue={params.person ?? ""}
            className={`${input} w-full min-w-0 md:w-64`}
          >
            <option value="">anyone</option>
            {(result?.people ?? []).map((p) => (
              <option key={p.actorId} value={p.actorId}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          Name, e-mail or id contains
          <input name="actor" defaultValue={params.actor} className={input} />
        </label>
        <label className="grid gap-1 text-sm">
          Outcome
          <select name="outcome" defaultValue={params.outcome ?? ""} className={input}>
            <option value="">any</option>
            <option value="ok">OK</option>
            <option value="refused">Refused</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          From
          <input type="date" name="from" defaultValue={params.from} className={input} />
        </label>
        <label className="grid gap-1 text-sm">
          To
          <input type="date" name="to" defaultValue={params.to} className={input} />
        </label>
        <button className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">
          Filter
        </button>
        <Link
          href="/admin/audit"
          className="text-sm text-blue-700 hover:underline dark:text-blue-400"
        >
          Clear
        </Link>
      </form>
      {problem && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          {problem}
        </p>
      )}
      {result && (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {result.total} entr{result.total === 1 ? "y" : "ies"}
          </p>
          <AuditEntries rows={result.rows} />
          <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
            {result.page > 1 && (
              <Link href={pageHref(result.page - 1)} className="underline">
                ← Newer
              </Link>
            )}
            <span>
              Page {result.page} of {result.pages}
            </span>
            {result.page < result.pages && (
              <Link href={pageHref(result.page + 1)} className="underline">
                Older →
              </Link>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
