/** What changed between two readings of the board, in words a screen reader says politely. */
import { KIND_LABEL } from "@/lib/estate/types";
import type { LiveBoard, LiveComponent } from "@/lib/health/board-types";
import { STATUS_LABEL, type Status } from "@/lib/status/vocabulary";
import { stateLabel } from "../format";

/** Each component's status (or its service's state when not serving), to compare readings. */
export function statusesOf(view: LiveBoard): Map<string, string> {
  const out = new Map<string, string>();
  for (const id in view.components) {
    const c = view.components[id]!;
    out.set(
      id,
      c.serviceState
        ? stateLabel(c.serviceState).toLowerCase()
        : STATUS_LABEL[c.status].toLowerCase(),
    );
  }
  return out;
}

const MAX_NAMED = 3;

/** How bad a component's news is: outages first, then unknown, then a service's state, then green. */
const RANK: Record<Status, number> = {
  major_outage: 6,
  partial_outage: 5,
  degraded_performance: 4,
  unknown: 3,
  under_maintenance: 2,
  operational: 0,
};
const rankOf = (c: LiveComponent) => (c.serviceState ? 1 : RANK[c.status]);

/**
 * "fabrikam-b2b storage account: degraded", one per changed component (the services that use it,
 * then its kind), the first few named and the rest counted; the overall status first when it changed.
 */
export function describeChanges(
  before: Map<string, string>,
  view: LiveBoard,
  overallBefore: string | null,
): string {
  const after = statusesOf(view);
  const users = new Map<string, string[]>();
  for (const s of view.services)
    for (const l of s.components) (users.get(l.id) ?? users.set(l.id, []).get(l.id)!).push(s.id);
  const found: { text: string; rank: number }[] = [];
  for (const [id, word] of after) {
    const was = before.get(id);
    if (was === undefined || was === word) continue;
    const c = view.components[id]!;
    const who = users.get(id)?.join(" and ") ?? c.name;
    found.push({ text: `${who} ${KIND_LABEL[c.kind].toLowerCase()}: ${word}`, rank: rankOf(c) });
  }
  // The worst news first: a new outage is named even when many others change at once.
  const changes = found.sort((a, b) => b.rank - a.rank).map((x) => x.text);
  const parts: string[] = [];
  if (overallBefore !== null && overallBefore !== view.overall.description)
    parts.push(`${view.overall.description}.`);
  if (changes.length) {
    const named = changes.slice(0, MAX_NAMED).join("; ");
    const more = changes.length - MAX_NAMED;
    parts.push(
      more > 0 ? `${named}; and ${more} more change${more === 1 ? "" : "s"}.` : `${named}.`,
    );
  }
  return parts.join(" ");
}
