/**
 * The backup worker, one per process: queues due scheduled backups, claims queued ones and runs
 * them one at a time, applies retention after each success, and fails backups whose worker died.
 * Every step is claimed through the database, so any number of instances can run it.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { logger } from "../log";
import type { Stores } from "./registry";
import { scheduleDue } from "./requests";
import { beat, claimNext, pruneService, reapStale, runBackup } from "./runner";

const log = logger("backups");

export type WorkerOptions = {
  db: Db;
  stores: Stores;
  tickMs?: number;
  /** A running backup whose heartbeat is older than this is failed. */
  staleAfterMs?: number;
  now?: () => Date;
};

export class BackupWorker {
  readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private stopping = false;
  private again = false;

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    this.kick();
  }

  /** Runs a pass now (after a request), or right after the current one. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.pass()
      .then(
        () => undefined,
        (error: unknown) => void log.warn(`worker pass failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.timer = setTimeout(() => this.kick(), this.options.tickMs ?? 5_000);
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: reap, queue what is due, run everything queued. Exposed for tests. */
  async pass(): Promise<number> {
    const { db, stores } = this.options;
    const now = this.options.now ?? (() => new Date());
    await reapStale(db, this.options.staleAfterMs ?? 120_000, now());
    await scheduleDue(db, now());
    let ran = 0;
    while (!this.stopping) {
      const row = await claimNext(db, this.id, now());
      if (!row) break;
      // Progress updates beat too; this covers a slow store that reports none for a while.
      const heartbeat = setInterval(() => void beat(db, row.id, now()), 10_000);
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
