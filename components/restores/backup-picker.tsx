import Link from "next/link";
import type { BackupRow } from "@/lib/backups/backup-types";
import { ChecksumLabel } from "../backups/backup-status";
import { inputClass } from "../backups/form-parts";
import { fullUtc } from "../detail/format";
import { ageBetween } from "../board/format";

export type PickerValues = { service?: string; q?: string; before?: string };

const restorable = (r: BackupRow) => r.checksum === "verified" || r.checksum === "unverified";
const takenAt = (r: BackupRow) => r.startedAt ?? r.requestedAt;

function Choice({ row, now }: { row: BackupRow; now: string }) {
  return (
    <li
      data-backup-choice={row.id}
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2"
    >
      <div className="min-w-0">
        <p className="font-medium break-all">{row.name}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {row.serviceId} · taken <time dateTime={takenAt(row)}>{fullUtc(takenAt(row))}</time>{" "}
          <span className="whitespace-nowrap">({ageBetween(takenAt(row), now)} ago)</span> · stored
          in {row.regionName}
        </p>
      </div>
      <div className="flex items-center gap-3 text-sm">
        <ChecksumLabel state={row.checksum} />
        {restorable(row) ? (
          <Link
            href={`/restores/new?backup=${row.id}`}
            prefetch={false}
            aria-label={`Choose ${row.name}`}
            className="rounded-md border border-blue-600 px-2.5 py-1 font-medium text-blue-700 hover:bg-blue-50 dark:border-blue-400 dark:text-blue-300 dark:hover:bg-blue-950/50"
          >
            Choose
          </Link>
        ) : (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">cannot be restored</span>
        )}
      </div>
    </li>
  );
}

/**
 * Finding the backup to restore: by service and name, newest first, succeeded ones only, or the
 * last good one before a time (when an incident started). A plain GET form: no script needed.
 */
export function BackupPicker({
  services,
  values,
  rows,
  searched,
  beforeIso,
  problem,
  now,
}: {
  services: string[];
  values: PickerValues;
  rows: BackupRow[];
  /** How many succeeded backups the name was searched among, when it was. */
  searched: { among: number; total: number } | null;
  beforeIso: string | null;
  problem: string | null;
  now: string;
}) {
  const lastGood = beforeIso ? rows.find(restorable) : undefined;
  const shown = rows.slice(0, 12);
  return (
    <div className="space-y-3">
      <form
        action="/restores/new"
        method="get"
        role="search"
        aria-label="Find a backup"
        className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="pick-service" className="block text-sm font-medium">
            Service
          </label>
          <select
            id="pick-service"
            name="service"
            defaultValue={values.service ?? ""}
            className={inputClass}
          >
            <option value="">All services</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pick-q" className="block text-sm font-medium">
            Name contains
          </label>
          <input
            id="pick-q"
            name="q"
            defaultValue={values.q ?? ""}
            autoComplete="off"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="pick-before" className="block text-sm font-medium">
            Last good backup before (UTC)
          </label>
          <input
            id="pick-before"
            name="before"
            type="datetime-local"
            defaultValue={values.before ?? ""}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "pick-problem" : undefined}
            className={inputClass}
          />
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Find
          </button>
          <Link href="/restores/new" prefetch={false} className="text-sm underline">
            Clear
          </Link>
        </div>
      </form>
      {problem && (
        <p
          id="pick-problem"
          role="alert"
          className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          {problem}
        </p>
      )}
      {beforeIso && (
        <p data-testid="last-good" className="text-sm">
          {lastGood ? (
            <>
              The last good backup before {fullUtc(beforeIso)} is{" "}
              <strong className="break-all">{lastGood.name}</strong>, taken{" "}
              {fullUtc(takenAt(lastGood))}. It is first in the list below.
            </>
          ) : (
            <>
              No good backup{values.service ? ` of ${values.service}` : ""} was taken before{" "}
              {fullUtc(beforeIso)}.
            </>
          )}
        </p>
      )}
      {shown.length > 0 ? (
        <ul
          aria-label="Succeeded backups, newest first"
          className="divide-y divide-zinc-200 rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800"
        >
          {shown.map((row) => (
            <Choice key={row.id} row={row} now={now} />
          ))}
        </ul>
      ) : (
        !problem && (
          <p className="rounded-md border border-zinc-200 px-3 py-4 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            No succeeded backup matches. Only succeeded backups can be restored.
          </p>
        )
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {rows.length > shown.length
          ? `The newest ${shown.length} of ${rows.length} matching backups; narrow the search to see older ones.`
          : `${rows.length} matching backup${rows.length === 1 ? "" : "s"}.`}
        {searched && searched.total > searched.among
          ? ` Names are searched among the newest ${searched.among} of ${searched.total} succeeded backups.`
          : ""}
      </p>
    </div>
  );
}
