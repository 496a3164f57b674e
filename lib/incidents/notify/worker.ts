/**
 * The notification worker, one per process: claims due deliveries and sends up to `concurrency`
 * at once, at most one per subscription, each within the send timeout; a finished send frees its
 * slot for the next claim at once. A slow or dead receiver so holds one slot for at most the
 * timeout and then waits out its backoff, while other receivers go on being served.
 */
import type { Db } from "../../db";
import { LoopWorker } from "../../jobs";
import { logger, type Logger } from "../../log";
import { DEFAULT_RETRY, type RetryPolicy } from "./backoff";
import { claimNext, type Claimed } from "./claim";
import { deliverClaimed } from "./deliver";
import { pruneNotifications } from "./prune";
import type { SendDeps } from "./send";

export type NotificationWorkerOptions = {
  db: Db;
  send: SendDeps;
  concurrency?: number;
  tickMs?: number;
  /** How long a claim holds; longer than the send timeout, so a live worker always finishes first. */
  leaseMs?: number;
  retry?: RetryPolicy;
  log?: Logger;
  /** Tests stand in for a worker dying here, before or after the receiver got the message. */
  beforeSend?: (delivery: Claimed) => Promise<void>;
  afterSend?: (delivery: Claimed) => Promise<void>;
};

export type SendObserver = (kind: string, ok: boolean, seconds: number) => void;

const PRUNE_EVERY_MS = 3_600_000;

export class NotificationWorker extends LoopWorker {
  private readonly inFlight = new Map<number, { subscriptionId: string; done: Promise<void> }>();
  private readonly log: Logger;
  private pruneDue = 0;
  /** Tests and metrics watch sends through this. */
  observe: SendObserver | null = null;

  constructor(private readonly options: NotificationWorkerOptions) {
    super("notifications", "notifier", options.tickMs ?? 1_000);
    this.log = options.log ?? logger("notifications");
    if (this.leaseMs <= options.send.timeoutMs)
      throw new Error("the claim lease must be longer than the send timeout");
  }

  get leaseMs(): number {
    return this.options.leaseMs ?? Math.max(30_000, this.options.send.timeoutMs * 3);
  }

  get sending(): number {
    return this.inFlight.size;
  }

  /** Stops claiming and waits for the sends in flight (each ends within the send timeout). */
  override async stop(): Promise<void> {
    await super.stop();
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }

  /** Claims what is due while slots are free, and starts sending each. Returns how many started. */
  async fill(): Promise<number> {
    const { db } = this.options;
    const concurrency = this.options.concurrency ?? 8;
    let started = 0;
    while (!this.stopping && this.inFlight.size < concurrency) {
      const busy = [...new Set([...this.inFlight.values()].map((f) => f.subscriptionId))];
      const claimed = await claimNext(db, this.id, this.leaseMs, busy);
      if (!claimed) break;
      const done = this.deliver(claimed)
        .catch((error: Error) =>
          this.log.error(`delivery ${claimed.id} could not be recorded: ${error.message}`),
        )
        .finally(() => {
          this.inFlight.delete(claimed.id);
          if (!this.stopping) this.kick();
        });
      this.inFlight.set(claimed.id, { subscriptionId: claimed.subscriptionId, done });
      started++;
    }
    if (Date.now() >= this.pruneDue) {
      this.pruneDue = Date.now() + PRUNE_EVERY_MS;
      await pruneNotifications(db).catch((error: Error) =>
        this.log.warn(`pruning old notifications failed: ${error.message}`),
      );
    }
    return started;
  }

  protected runPass(): Promise<number> {
    return this.fill();
  }

  /** For tests: passes until nothing is due or in flight. */
  async drain(): Promise<void> {
    for (;;) {
      const started = await this.fill();
      if (started === 0 && this.inFlight.size === 0) return;
      // Sends may all have finished while the pass was still running.
      if (this.inFlight.size) await Promise.race([...this.inFlight.values()].map((f) => f.done));
    }
  }

  private deliver(delivery: Claimed): Promise<void> {
    const { db, send, beforeSend, afterSend } = this.options;
    return deliverClaimed(db, delivery, this.id, send, this.options.retry ?? DEFAULT_RETRY, {
      beforeSend,
      afterSend,
      observe: this.observe,
    });
  }
}
