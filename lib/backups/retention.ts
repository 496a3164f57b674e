/** Schedules and retention, as pure functions. */

export type RetentionCandidate = {
  id: string;
  trigger: string;
  status: string;
  finishedAt: Date | null;
};

/**
 * Which backups retention removes: automatic backups (scheduled, after a change) that finished
 * longer than `retentionMs` ago. The newest good backup of the service is never removed, whatever
 * its age or trigger; with `keepAtLeastOne` the newest good automatic backup is kept too.
 * On-demand backups are the operator's, and are never pruned.
 */
export function planRetention(
  backups: RetentionCandidate[],
  options: { retentionMs: number; keepAtLeastOne: boolean; now: Date },
): string[] {
  const good = backups
    .filter((b) => b.status === "succeeded" && b.finishedAt)
    .sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime());
  const keep = new Set<string>();
  if (good[0]) keep.add(good[0].id);
  const automatic = good.filter((b) => b.trigger !== "on-demand");
  if (options.keepAtLeastOne && automatic[0]) keep.add(automatic[0].id);
  const cutoff = options.now.getTime() - options.retentionMs;
  return automatic
    .filter((b) => !keep.has(b.id) && b.finishedAt!.getTime() < cutoff)
    .map((b) => b.id);
}

/**
 * The slot after `slot`: one frequency later, or, when the schedule fell behind (the app was
 * down), the first slot after `now` on the same cadence, so missed slots are not all run at once.
 */
export function nextSlot(slot: Date, frequencyMs: number, now: Date): Date {
  const next = slot.getTime() + frequencyMs;
  if (next > now.getTime()) return new Date(next);
  const behind = Math.floor((now.getTime() - slot.getTime()) / frequencyMs);
  return new Date(slot.getTime() + (behind + 1) * frequencyMs);
}

/** `<service>-<UTC timestamp>`, e.g. contoso-edi-20261124-184500z (lower case: store names are). */
export function backupName(serviceId: string, at: Date): string {
  const iso = at.toISOString(); // 2026-11-24T18:45:00.000Z
  return `${serviceId}-${iso.slice(0, 10).replace(/-/g, "")}-${iso.slice(11, 19).replace(/:/g, "")}z`;
}
