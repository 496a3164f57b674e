import Link from "next/link";
import { BACKUP_STATUSES, BACKUP_STATUS_LABEL } from "@/lib/backups/backup-types";

export type FilterValues = Partial<Record<"service" | "status" | "region" | "from" | "to", string>>;

const field =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const label = "block text-sm font-medium";

/** A plain GET form: filters land in the address, so they work without JavaScript and can be shared. */
export function BackupFilters({
  values,
  services,
  regions,
  invalid,
}: {
  values: FilterValues;
  services: string[];
  regions: { id: string; name: string }[];
  /** Fields the last filter got wrong, for aria-invalid. */
  invalid: string[];
}) {
  const bad = (name: string) => (invalid.includes(name) ? true : undefined);
  return (
    <form
      method="get"
      action="/backups"
      aria-label="Filter backups"
      className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 p-3 sm:grid-cols-3 lg:grid-cols-6 dark:border-zinc-800"
    >
      <label className={label}>
        Service
        <select
          name="service"
          defaultValue={values.service ?? ""}
          className={field}
          aria-invalid={bad("service")}
        >
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          {values.service && !services.includes(values.service) && (
            <option value={values.service}>{values.service}</option>
          )}
        </select>
      </label>
      <label className={label}>
        Status
        <select
          name="status"
          defaultValue={values.status ?? ""}
          className={field}
          aria-invalid={bad("status")}
        >
          <option value="">Any status</option>
          {BACKUP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {BACKUP_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Stored in
        <select
          name="region"
          defaultValue={values.region ?? ""}
          className={field}
          aria-invalid={bad("region")}
        >
          <option value="">Any region</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        From (UTC)
        <input
          type="date"
          name="from"
          defaultValue={values.from ?? ""}
          className={field}
          aria-invalid={bad("from")}
        />
      </label>
      <label className={label}>
        To (UTC)
        <input
          type="date"
          name="to"
          defaultValue={values.to ?? ""}
          className={field}
          aria-invalid={bad("to")}
        />
      </label>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button
          type="submit"
          className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Apply
        </button>
        <Link
          href="/backups"
          prefetch={false}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}

/** Numbered page links that keep the filters. */
export function Pagination({
  values,
  page,
  pages,
  total,
  pageSize,
}: {
  values: FilterValues;
  page: number;
  pages: number;
  total: number;
  pageSize: number;
}) {
  const href = (p: number) => {
    const q = new URLSearchParams(
      Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])),
    );
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/backups?${s}` : "/backups";
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const link =
    "rounded-md border border-zinc-300 px-2.5 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400" data-testid="backups-count">
        {total === 0 ? "No backups" : `${first}–${last} of ${total} backups`}
      </p>
      {pages > 1 && (
        <ul className="flex flex-wrap items-center gap-1">
          {page > 1 && (
            <li>
              <Link href={href(page - 1)} prefetch={false} className={link} rel="prev">
                ‹ Newer
              </Link>
            </li>
          )}
          {shown.map((p, i) => (
            <li key={p} className="flex items-center gap-1">
              {i > 0 && p - shown[i - 1]! > 1 && <span aria-hidden="true">…</span>}
              <Link
                href={href(p)}
                prefetch={false}
                aria-current={p === page ? "page" : undefined}
                aria-label={`Page ${p}`}
                className={`${link} aria-[current=page]:border-blue-600 aria-[current=page]:bg-blue-600 aria-[current=page]:text-white`}
              >
                {p}
              </Link>
            </li>
          ))}
          {page < pages && (
            <li>
              <Link href={href(page + 1)} prefetch={false} className={link} rel="next">
                Older ›
              </Link>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
