/** What changed between two readings of the board, in words a screen reader says politely. */
import { KIND_LABEL } from "@/lib/estate/types";
import type { LiveBoard } from "@/lib/health/board-types";
import { STATUS_LABEL } from "@/lib/health/vocabulary";
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
  const changes: string[] = [];
  for (const [id, word] of after) {
    const was = before.get(id);
    if (was === undefined || was === word) continue;
    const c = view.components[id]!;
    const who = users.get(id)?.join(" and ") ?? c.name;
    changes.push(`${who} ${KIND_LABEL[c.kind].toLowerCase()}: ${word}`);
  }
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
