import { memo } from "react";
import Link from "next/link";
import { KIND_LABEL } from "@/lib/estate/types";
import type { BoardComponent } from "@/lib/health/board-types";
import { STATUS_LABEL } from "@/lib/health/vocabulary";
import { StatusIcon } from "../status/status-icon";
import { ageBetween, formatUtc } from "./format";

function describe(c: BoardComponent, at: string): string {
  const checked = c.checkedAt ? `checked ${ageBetween(c.checkedAt, at)} ago` : "never checked";
  const since = c.since ? `since ${formatUtc(c.since, at)}` : null;
  return [checked, since, c.reason].filter(Boolean).join(" · ");
}

/** One component in its region column: icon, words, instance count, and details on hover or focus. */
export const Cell = memo(function Cell({
  c,
  regionName,
  at,
}: {
  c: BoardComponent;
  regionName: string;
  at: string;
}) {
  const details = describe(c, at);
  const instances = c.instances ? `${c.instances.up}/${c.instances.total}` : null;
  return (
    <Link
      href={`/components/${encodeURIComponent(c.id)}`}
      prefetch={false}
      className="cell"
      data-status={c.status}
      aria-label={`${c.name}, ${KIND_LABEL[c.kind]} in ${regionName}: ${STATUS_LABEL[c.status]}${instances ? `, ${instances} instances up` : ""}; ${details}`}
    >
      <StatusIcon status={c.status} />
      <span>{STATUS_LABEL[c.status]}</span>
      {instances && (
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{instances}</span>
      )}
      <span className="rgn">{regionName}</span>
      <span className="tip" aria-hidden="true">
        {details}
      </span>
    </Link>
  );
});
