/**
 * The backup worker, one per process: queues due scheduled backups, claims queued ones and runs
 * them one at a time, applies retention after each success, and fails backups whose worker died.
 * Every step is claimed through the database, so any number of instances can run it.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { Loop, DEFAULT_HEARTBEAT_MS, MISSED_BEATS } from "../jobs";
import type { Stores } from "./registry";
import { scheduleDue } from "./enqueue";
import { beat, claimNext, pruneService, reapStale, runBackup } from "./runner";

export type WorkerOptions = {
  db: Db;
  stores: Stores;
  tickMs?: number;
  /** How often a running backup beats; one silent for two beats is failed (its worker died). */
  heartbeatMs?: number;
  now?: () => Date;
};

export class BackupWorker {
  readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private readonly loop: Loop;
  private stopping = false;

  constructor(private readonly options: WorkerOptions) {
    this.loop = new Loop("backups", () => this.pass(), options.tickMs ?? 5_000);
  }

  start(): void {
    this.stopping = false;
    this.loop.start();
  }

  /** Runs a pass now (after a request), or right after the current one. */
  kick(): void {
    this.loop.kick();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
  }

  /** One pass: reap, queue what is due, run everything queued. Exposed for tests. */
  async pass(): Promise<number> {
    const { db, stores } = this.options;
    const now = this.options.now ?? (() => new Date());
    const heartbeatMs = this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    await reapStale(db, heartbeatMs * MISSED_BEATS, now());
    await scheduleDue(db, now());
    let ran = 0;
    while (!this.stopping) {
      const row = await claimNext(db, this.id, now());
      if (!row) break;
      // Progress updates beat too; this covers a slow store that reports none for a while.
      const heartbeat = setInterval(() => void beat(db, row.id, now()), heartbeatMs);
      try {
        const done = await runBackup(db, row, stores, { now });
        ran++;
        if (done.status === "succeeded" && done.trigger !== "on-demand")
          await pruneService(db, done.serviceId, stores, now());
      } finally {
        clearInterval(heartbeat);
      }
    }
    return ran;
  }
}
