/**
 * Claiming deliveries. A worker takes one due row at a time with SKIP LOCKED and holds it for a
 * lease longer than its send timeout; it records the outcome only while it still holds the row.
 * A row whose lease ran out (its worker died mid-send) is due again, so a receiver may see the
 * same delivery twice in that one case, with the same X-Standfast-Delivery id: at most one
 * worker sends a row at a time, and the row is marked delivered exactly once.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db";
import type { NotificationEvent } from "./events";
import type { DeliveryAttempt, SubscriptionKind } from "./notify-types";

export type Claimed = {
  id: number;
  eventId: number;
  subscriptionId: string;
  attempts: number;
  event: NotificationEvent;
  kind: SubscriptionKind;
  target: string;
  secret: string | null;
  unsubscribeToken: string;
  deleted: boolean;
};

const LOG_KEEP = 20;

type ClaimedRow = {
  id: string | number;
  event_id: string | number;
  subscription_id: string;
  attempts: number;
};

/** The event and subscription of a claimed row. */
async function withDetail(db: Db, row: ClaimedRow): Promise<Claimed> {
  const [detail] = await queryRows<{
    payload: NotificationEvent;
    kind: SubscriptionKind;
    target: string;
    secret: string | null;
    unsubscribe_token: string;
    deleted_at: Date | string | null;
  }>(
    db,
    sql`select e.payload, s.kind, s.target, s.secret, s.unsubscribe_token, s.deleted_at
          from notification_events e, notification_subscriptions s
         where e.id = ${row.event_id} and s.id = ${row.subscription_id}`,
  );
  return {
    id: Number(row.id),
    eventId: Number(row.event_id),
    subscriptionId: row.subscription_id,
    attempts: row.attempts,
    event: detail!.payload,
    kind: detail!.kind,
    target: detail!.target,
    secret: detail!.secret,
    unsubscribeToken: detail!.unsubscribe_token,
    deleted: detail!.deleted_at !== null,
  };
}

const take = (workerId: string, leaseMs: number) =>
  sql`set status = 'sending', claimed_by = ${workerId}, attempts = attempts + 1,
          claim_expires_at = clock_timestamp() + ${leaseMs} * interval '1 millisecond'`;

/**
 * Claims the next due delivery (pending and due, or sending with an expired lease), skipping rows
 * other workers hold and the subscriptions in `busy` (this worker is already sending to them).
 */
export async function claimNext(
  db: Db,
  workerId: string,
  leaseMs: number,
  busy: readonly string[],
): Promise<Claimed | null> {
  const skip = busy.length ? sql`and subscription_id not in ${busy}` : sql``;
  const [row] = await queryRows<ClaimedRow>(
    db,
    sql`update notification_deliveries ${take(workerId, leaseMs)}
        where id = (
          select id from notification_deliveries
           where ((status = 'pending' and next_attempt_at <= clock_timestamp())
               or (status = 'sending' and claim_expires_at < clock_timestamp()))
             ${skip}
           order by next_attempt_at, id
           limit 1
           for update skip locked)
        returning id, event_id, subscription_id, attempts`,
  );
  return row ? withDetail(db, row) : null;
}

/** Claims one delivery by id when it is pending (a test send, sent at once by its caller). */
export async function claimById(
  db: Db,
  id: number,
  workerId: string,
  leaseMs: number,
): Promise<Claimed | null> {
  const [row] = await queryRows<ClaimedRow>(
    db,
    sql`update notification_deliveries ${take(workerId, leaseMs)}
         where id = ${id} and status = 'pending'
        returning id, event_id, subscription_id, attempts`,
  );
  return row ? withDetail(db, row) : null;
}

const appendAttempt = (attempt: DeliveryAttempt) =>
  sql`(case when jsonb_array_length(log) >= ${LOG_KEEP}
            then log - 0 else log end) || ${JSON.stringify([attempt])}::jsonb`;

/** Marks the delivery delivered while this worker holds it; false when it lost the row. */
export async function markDelivered(
  db: Db,
  id: number,
  workerId: string,
  attempt: DeliveryAttempt,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update notification_deliveries d
           set status = 'delivered', delivered_at = clock_timestamp(), claimed_by = null,
               claim_expires_at = null, last_error = null, log = ${appendAttempt(attempt)},
               latency_ms = extract(epoch from clock_timestamp() - e.created_at) * 1000
          from notification_events e
         where d.id = ${id} and d.claimed_by = ${workerId} and d.status = 'sending'
           and e.id = d.event_id
        returning d.id`,
  );
  return rows.length > 0;
}

/** Records a failed attempt: due again after `retryInMs`, or failed for good. */
export async function markFailed(
  db: Db,
  id: number,
  workerId: string,
  attempt: DeliveryAttempt,
  retryInMs: number | null,
): Promise<boolean> {
  const status = retryInMs === null ? "failed" : "pending";
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update notification_deliveries
           set status = ${status}, claimed_by = null, claim_expires_at = null,
               last_error = ${attempt.error ?? null}, log = ${appendAttempt(attempt)},
               next_attempt_at = clock_timestamp() + ${retryInMs ?? 0} * interval '1 millisecond'
         where id = ${id} and claimed_by = ${workerId} and status = 'sending'
        returning id`,
  );
  return rows.length > 0;
}

/** A delivery whose subscription was deleted after it was written: never sent. */
export async function markCancelled(db: Db, id: number, workerId: string): Promise<void> {
  await db.execute(
    sql`update notification_deliveries
           set status = 'cancelled', claimed_by = null, claim_expires_at = null,
               last_error = 'the subscription was deleted'
         where id = ${id} and claimed_by = ${workerId} and status = 'sending'`,
  );
}
