import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { BackupFilters, Pagination, type FilterValues } from "@/components/backups/backup-filters";
import { BackupsTable } from "@/components/backups/backups-table";
import { TakeBackupForm } from "@/components/backups/take-backup-form";
import { AutoRefresh } from "@/components/detail/auto-refresh";
import { Panel } from "@/components/detail/panel";
import {
  BACKUP_ALLOWED_STATES,
  getStoreOptions,
  listBackups,
  parseBackupQuery,
  type BackupPage,
} from "@/lib/backups";
import { hasRole } from "@/lib/roles";
import { currentActor, requirePageRole } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getBoard } from "@/lib/health";

export const metadata: Metadata = { title: "Backups" };

const FILTERS = ["service", "status", "region", "from", "to"] as const;
type Search = Record<string, string | string[] | undefined>;

/** The filters as given, and a problem for any given more than once. */
function readFilters(params: Search) {
  const values: FilterValues & { page?: string } = {};
  const repeated: string[] = [];
  for (const key of [...FILTERS, "page"] as const) {
    const raw = params[key];
    if (Array.isArray(raw)) repeated.push(key);
    else if (raw !== undefined && raw !== "") values[key] = raw;
  }
  return { values, repeated };
}

export default async function BackupsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  await requirePageRole("viewer", "/backups");
  const [params, actor, board, stores] = await Promise.all([
    searchParams,
    currentActor(),
    getBoard(),
    getStoreOptions(),
  ]);
  const { values, repeated } = readFilters(params);
  const { page: pageText, ...filters } = values;
  let result: BackupPage | null = null;
  let problem: { message: string; fields: string[] } | null = null;
  if (repeated.length) {
    problem = {
      message: `Give each filter once: ${repeated.join(", ")} appear${repeated.length === 1 ? "s" : ""} more than once in the address.`,
      fields: repeated,
    };
  } else {
    try {
      result = await listBackups(parseBackupQuery({ ...filters, page: pageText }));
    } catch (error) {
      if (!isDomainError(error) || error.kind !== "validation") throw error;
      problem = { message: error.message, fields: Object.keys(error.fieldErrors ?? {}) };
    }
  }
  const now = new Date().toISOString();
  const eligible = board.services.filter(
    (s) =>
      s.edition !== "developer" && (BACKUP_ALLOWED_STATES as readonly string[]).includes(s.state),
  );
  const excluded = board.services.filter((s) => !eligible.includes(s));
  const live = result?.rows.some((r) => r.status === "queued" || r.status === "running");
  return (
    <div className="space-y-4">
      {live && <AutoRefresh everyMs={2_000} />}
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Backups</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Each backup holds a service&apos;s configuration, not its data; see{" "}
          <Link href="/compliance" prefetch={false} className="underline">
            compliance
          </Link>{" "}
          for what is covered.
        </p>
      </header>
      <Panel id="take" title="Take a backup">
        {hasRole(actor, "operator") ? (
          <div className="space-y-2">
            <TakeBackupForm services={eligible.map((s) => s.id)} stores={stores} />
            {excluded.length > 0 && (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Not offered:{" "}
                {excluded
                  .map(
                    (s) =>
                      `${s.id} (${s.edition === "developer" ? "developer edition, which cannot be backed up" : `state ${s.state.replace(/_/g, " ")}`})`,
                  )
                  .join(", ")}
                .
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Taking a backup needs the operator role.{" "}
            <Link href="/sign-in?next=/backups" prefetch={false} className="underline">
              Sign in
            </Link>{" "}
            as an operator to take one.
          </p>
        )}
      </Panel>
      <BackupFilters
        values={filters}
        services={board.services.map((s) => s.id)}
        regions={board.regions}
        invalid={problem?.fields ?? []}
      />
      {problem && (
        <div
          role="alert"
          className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          <p className="font-medium">{problem.message}</p>
          {problem.fields.some((f) => f === "from" || f === "to") && (
            <p>
              Dates are written YYYY-MM-DD (such as 2026-11-24), or as an ISO date-time such as
              2026-11-24T08:00:00Z; both are UTC.
            </p>
          )}
          <p>
            Correct the filter above, or{" "}
            <Link href="/backups" className="underline">
              show all backups
            </Link>
            .
          </p>
        </div>
      )}
      {result && (
        <section aria-label="Backup list" className="space-y-2">
          <Pagination
            values={filters}
            page={result.page}
            pages={result.pages}
            total={result.total}
            pageSize={result.pageSize}
          />
          {result.rows.length > 0 ? (
            <BackupsTable rows={result.rows} now={now} caption="Backups, newest first" />
          ) : (
            <p className="rounded-md border border-zinc-200 px-3 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              {result.total > 0
                ? `Page ${result.page} is past the last page (${result.pages}).`
                : "No backup matches these filters."}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
