/** One component's status over an incident, as steps: pure, so the page and its tests agree. */
import type { Status } from "../status/vocabulary";

export type StatusStep = { at: string; status: Status };

/**
 * The steps to show: the status held when the incident started (if known), then each change,
 * oldest first. A step that lasted no time (the next change came at the same instant, as when
 * the incident starts at the first failing reading) and a step that repeats the status before
 * it say nothing, so they are dropped.
 */
export function statusSteps(start: StatusStep | null, changes: StatusStep[]): StatusStep[] {
  const all = [...(start ? [start] : []), ...changes].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
  const lasting = all.filter((step, n) => {
    const next = all[n + 1];
    return !next || Date.parse(next.at) > Date.parse(step.at);
  });
  return lasting.filter((step, n) => n === 0 || lasting[n - 1]!.status !== step.status);
}
