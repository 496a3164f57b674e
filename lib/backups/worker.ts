/**
 * The backup worker, one per process: queues due scheduled backups, claims queued ones and runs
 * them one at a time, applies retention after each success, and fails backups whose worker died.
 * Every step is claimed through the database, so any number of instances can run it.
 */
import type { Db } from "../db";
import { JobWorker } from "../jobs";
import { scheduleDue } from "./enqueue";
import type { Stores } from "./registry";
import { beat, claimNext, pruneService, reapStale, runBackup, type BackupRecord } from "./runner";

export type WorkerOptions = {
  db: Db;
  stores: Stores;
  tickMs?: number;
  /** How often a running backup beats; one silent for two beats is failed (its worker died). */
  heartbeatMs?: number;
  now?: () => Date;
};

export class BackupWorker extends JobWorker<BackupRecord> {
  private readonly now: () => Date;

  constructor(private readonly options: WorkerOptions) {
    super({
      name: "backups",
      idPrefix: "worker",
      tickMs: options.tickMs ?? 5_000,
      heartbeatMs: options.heartbeatMs,
    });
    this.now = options.now ?? (() => new Date());
  }

  /** Reaps, then queues what is due. */
  protected async prepare(lostAfterMs: number): Promise<void> {
    await reapStale(this.options.db, lostAfterMs, this.now());
    await scheduleDue(this.options.db, this.now());
  }
  protected claim() {
    return claimNext(this.options.db, this.id, this.now());
  }
  /** Progress updates beat too; this covers a slow store that reports none for a while. */
  protected beat(row: BackupRecord) {
    return beat(this.options.db, row.id, this.now());
  }
  /** Runs the backup, then applies retention after a success that was not on demand. */
  protected async run(row: BackupRecord): Promise<void> {
    const { db, stores } = this.options;
    const done = await runBackup(db, row, stores, { now: this.now });
    if (done.status === "succeeded" && done.trigger !== "on-demand")
      await pruneService(db, done.serviceId, stores, this.now());
  }
}
