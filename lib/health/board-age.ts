/**
 * The board as a browser's copy of it ages. Pure and client-safe: given the time on the server's
 * clock, each component turns unknown once its newest good reading passes its staleness limit,
 * by the same rule and words as the server, and the summaries follow.
 */
import { rollUpBoard } from "./board-rollup";
import type { LiveBoard, LiveComponent } from "./board-types";
import { staleReason } from "./rollup";

function ageComponent(c: LiveComponent, now: number): LiveComponent {
  if (!c.checkedAt) return c;
  const checked = Date.parse(c.checkedAt);
  const age = now - checked;
  if (age <= c.staleAfterMs) return c;
  const reason = staleReason(age, c.lastFailure?.error ?? null);
  if (c.stale && c.reason === reason) return c;
  const staleSince = checked + c.staleAfterMs;
  // Unknown before it went stale (the source said so): it has been unknown since then.
  const keep = c.stale || (c.status === "unknown" && c.since && Date.parse(c.since) < staleSince);
  return {
    ...c,
    status: "unknown",
    stale: true,
    reason,
    since: keep ? c.since : new Date(staleSince).toISOString(),
  };
}

/** The board at `now` (server clock, ms). The same object when nothing changed, so nothing redraws. */
export function ageLiveBoard(view: LiveBoard, now: number): LiveBoard {
  let changed = false;
  const components: LiveBoard["components"] = {};
  for (const id in view.components) {
    const c = view.components[id]!;
    const aged = ageComponent(c, now);
    changed ||= aged !== c;
    components[id] = aged;
  }
  if (!changed) return view;
  const summary = rollUpBoard(
    components,
    view.services,
    view.regions,
    view.poller.running,
    view.store,
  );
  return { ...view, ...summary, components };
}
