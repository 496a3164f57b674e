import Link from "next/link";
import type { ComponentListPage } from "@/lib/health";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { describeCell } from "../board/markup/describe";
import { formatAge, formatUtc, stateLabel } from "../board/format";

type Row = ComponentListPage["rows"][number];

function StatusMark({ c }: { c: Row }) {
  const failing = c.lastFailure !== null && !c.stale;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span
        className="mark"
        data-status={c.serviceState ? undefined : c.status}
        data-state={c.serviceState ?? undefined}
      >
        {c.serviceState ? stateLabel(c.serviceState) : STATUS_LABEL[c.status]}
      </span>
      {c.instances && !c.serviceState && !c.stale && (
        <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          {c.instances.up}/{c.instances.total} up
        </span>
      )}
      {failing && (
        <span className="text-xs font-medium text-amber-800 dark:text-amber-300">
          ⚠&#xFE0E; read failed
        </span>
      )}
    </span>
  );
}

/** One page of components: each with its status in shape and words, its age, and who uses it. */
export function ComponentTable({ rows, at }: { rows: Row[]; at: string }) {
  const now = Date.parse(at);
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-separate border-spacing-0 text-sm">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
          <tr>
            {["Component", "Status", "Checked", "Used by", "Why"].map((h) => (
              <th
                key={h}
                scope="col"
                className="border-b border-zinc-200 px-3 py-2 font-semibold dark:border-zinc-800"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-component={c.id} className="align-top">
              <th
                scope="row"
                className="border-b border-zinc-100 px-3 py-2 text-left font-medium dark:border-zinc-900"
              >
                <Link
                  href={`/components/${encodeURIComponent(c.id)}`}
                  prefetch={false}
                  className="text-blue-700 underline underline-offset-2 dark:text-blue-400"
                  aria-description={describeCell(c, c.regionName, at)}
                >
                  {c.name}
                </Link>
                <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                  {c.regionName}
                </span>
              </th>
              <td className="border-b border-zinc-100 px-3 py-2 dark:border-zinc-900">
                <StatusMark c={c} />
              </td>
              <td className="border-b border-zinc-100 px-3 py-2 text-zinc-700 sm:whitespace-nowrap dark:border-zinc-900 dark:text-zinc-300">
                {c.checkedAt
                  ? `${formatUtc(c.checkedAt, at)} (${formatAge(now - Date.parse(c.checkedAt))} ago)`
                  : "never"}
              </td>
              <td className="border-b border-zinc-100 px-3 py-2 dark:border-zinc-900">
                {c.serviceIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ", "}
                    <Link
                      href={`/services/${encodeURIComponent(id)}`}
                      prefetch={false}
                      className="text-blue-700 underline underline-offset-2 dark:text-blue-400"
                    >
                      {id}
                    </Link>
                  </span>
                ))}
              </td>
              <td className="border-b border-zinc-100 px-3 py-2 text-zinc-700 dark:border-zinc-900 dark:text-zinc-300">
                {c.reason ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
