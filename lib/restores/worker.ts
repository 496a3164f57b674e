/**
 * The restore worker, one per process: queues restores whose worker was lost to resume, and runs
 * queued ones. While it runs one it beats every `heartbeatMs`; a job silent for MISSED_BEATS beats
 * is taken over by any instance, and this worker stops as soon as it sees it lost the job.
 */
import type { Stores } from "../backups";
import type { Db } from "../db";
import { JobWorker } from "../jobs";
import { beat } from "./claim";
import type { RestoreRecord } from "./requests";
import { claimNextRestore, reapRestores, runRestore, type StepHook } from "./runner";

export type RestoreWorkerOptions = {
  db: Db;
  stores: Stores;
  tickMs?: number;
  /** How often a running restore beats; it counts as lost after MISSED_BEATS silent beats. */
  heartbeatMs?: number;
  /** Tests stand in for a worker dying mid-step here. */
  beforeStep?: StepHook;
};

export class RestoreWorker extends JobWorker<RestoreRecord> {
  constructor(private readonly options: RestoreWorkerOptions) {
    super({
      name: "restores",
      idPrefix: "restorer",
      tickMs: options.tickMs ?? 2_000,
      heartbeatMs: options.heartbeatMs,
      passEveryBeat: true,
      oneBeatAtATime: true,
    });
  }

  protected prepare(lostAfterMs: number) {
    return reapRestores(this.options.db, lostAfterMs);
  }
  protected claim() {
    return claimNextRestore(this.options.db, this.id);
  }
  protected beat(row: RestoreRecord) {
    return beat(this.options.db, row.id, this.id);
  }
  protected run(row: RestoreRecord) {
    const { db, stores, beforeStep } = this.options;
    return runRestore(db, row, stores, { beforeStep });
  }
}
