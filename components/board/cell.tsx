import { memo } from "react";
import { KIND_LABEL } from "@/lib/estate/types";
import type { LiveComponent } from "@/lib/health/board-types";
import { STATUS_LABEL } from "@/lib/health/vocabulary";
import { ageBetween, formatUtc } from "./format";

export function describeCell(c: LiveComponent, regionName: string, at: string): string {
  const checked = c.checkedAt ? `checked ${ageBetween(c.checkedAt, at)} ago` : "never checked";
  const since = c.since ? `since ${formatUtc(c.since, at)}` : null;
  const instances = c.instances ? `, ${c.instances.up} of ${c.instances.total} instances up` : "";
  const head = `${c.name}, ${KIND_LABEL[c.kind]} in ${regionName}: ${STATUS_LABEL[c.status]}${instances}`;
  return [head, [checked, since, c.reason].filter(Boolean).join(" · ")].join("; ");
}

/**
 * One component in its region column: icon (drawn by CSS from data-status), words and instance count. Its full description is
 * its accessible name, which the board's one shared tooltip also shows on hover and focus.
 * A plain anchor: the board delegates client-side navigation for all cells at once.
 */
export const Cell = memo(function Cell({
  c,
  regionName,
  at,
}: {
  c: LiveComponent;
  regionName: string;
  at: string;
}) {
  return (
    <a
      href={`/components/${encodeURIComponent(c.id)}`}
      className="cell"
      data-status={c.status}
      aria-label={describeCell(c, regionName, at)}
    >
      {STATUS_LABEL[c.status]}
      {c.instances && <small>{`${c.instances.up}/${c.instances.total}`}</small>}
    </a>
  );
});
