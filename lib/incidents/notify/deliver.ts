/** Sends one claimed delivery and records the outcome: delivered, due again after backoff, or failed. */
import type { Db } from "../../db";
import { logger } from "../../log";
import { retryDelay, type RetryPolicy } from "./backoff";
import { markCancelled, markDelivered, markFailed, type Claimed } from "./claim";
import { sendDelivery, type SendDeps } from "./send";

const log = logger("notifications");

export type DeliverHooks = {
  beforeSend?: (delivery: Claimed) => Promise<void>;
  afterSend?: (delivery: Claimed) => Promise<void>;
  observe?: ((kind: string, ok: boolean, seconds: number) => void) | null;
};

export async function deliverClaimed(
  db: Db,
  delivery: Claimed,
  workerId: string,
  deps: SendDeps,
  retry: RetryPolicy,
  hooks: DeliverHooks = {},
): Promise<void> {
  if (delivery.deleted) return markCancelled(db, delivery.id, workerId);
  const at = new Date().toISOString();
  if (delivery.attempts > retry.maxAttempts) {
    // Its lease ran out on every try: the workers sending it keep dying.
    await markFailed(
      db,
      delivery.id,
      workerId,
      {
        at,
        ms: 0,
        outcome: "failed",
        error: "gave up: its workers stopped while sending it",
        worker: workerId,
      },
      null,
    );
    return;
  }
  await hooks.beforeSend?.(delivery);
  const started = performance.now();
  const outcome = await sendDelivery(
    {
      deliveryId: delivery.id,
      event: delivery.event,
      subscription: {
        kind: delivery.kind,
        target: delivery.target,
        secret: delivery.secret,
        unsubscribeToken: delivery.unsubscribeToken,
      },
    },
    deps,
  );
  await hooks.afterSend?.(delivery);
  const ms = Math.round(performance.now() - started);
  hooks.observe?.(delivery.kind, outcome.ok, ms / 1000);
  if (outcome.ok) {
    await markDelivered(db, delivery.id, workerId, {
      at,
      ms,
      outcome: "delivered",
      worker: workerId,
    });
    return;
  }
  // A test message is for the person who asked, now: it is not retried.
  const wait =
    delivery.event.kind === "test" ? null : retryDelay(delivery.attempts, outcome, retry);
  await markFailed(
    db,
    delivery.id,
    workerId,
    { at, ms, outcome: "failed", error: outcome.error, worker: workerId },
    wait,
  );
  if (wait === null && delivery.event.kind !== "test")
    log.warn(
      `delivery ${delivery.id} to subscription ${delivery.subscriptionId} failed for good: ${outcome.error}`,
    );
}
