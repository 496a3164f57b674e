/**
 * Component status changes as notification events, written in the poller's own transaction
 * beside the status-change rows. Costs nothing (no query) while nobody subscribes to them.
 */
import type { Db } from "../../db";
import { statusAudience } from "./audience";
import type { StatusChangeEvent } from "./events";
import { matches } from "./match";
import { writeEvent } from "./outbox";

export type RecordedChange = {
  componentId: string;
  at: Date;
  fromStatus?: string | null;
  toStatus: string;
  reason?: string | null;
};

/** `root` is the store the transaction `tx` runs on: the cache's key. Returns events written. */
export async function emitStatusChanges(
  tx: Db,
  changes: readonly RecordedChange[],
  root: Db,
): Promise<number> {
  // A component's first reading is where its history starts, not a change anyone is told of.
  const real = changes.filter((c) => c.fromStatus != null && c.fromStatus !== c.toStatus);
  if (real.length === 0) return 0;
  const audience = await statusAudience(root, tx);
  if (audience.subscriptions.length === 0) return 0;
  let written = 0;
  for (const change of real) {
    const component = audience.components.get(change.componentId);
    const event: StatusChangeEvent = {
      kind: "component.status_changed",
      componentId: change.componentId,
      componentName: component?.name ?? change.componentId,
      fromStatus: change.fromStatus ?? null,
      toStatus: change.toStatus,
      reason: change.reason ?? null,
      serviceIds: component?.serviceIds ?? [],
      at: change.at.toISOString(),
    };
    const receivers = audience.subscriptions.filter((s) => matches(s, event)).map((s) => s.id);
    if (await writeEvent(tx, event, receivers)) written++;
  }
  return written;
}
