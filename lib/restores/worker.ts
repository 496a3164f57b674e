/**
 * The restore worker, one per process: queues restores whose worker was lost to resume, and runs
 * queued ones. While it runs one it beats every `heartbeatMs`; a job silent for MISSED_BEATS beats
 * is taken over by any instance, and this worker stops as soon as it sees it lost the job.
 */
import { randomUUID } from "node:crypto";
import type { Stores } from "../backups/registry";
import type { Db } from "../db";
import { Loop } from "../jobs";
import { beat, DEFAULT_HEARTBEAT_MS, MISSED_BEATS } from "./claim";
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

export class RestoreWorker {
  readonly id = `restorer-${randomUUID().slice(0, 8)}`;
  private readonly loop: Loop;
  private stopping = false;

  constructor(private readonly options: RestoreWorkerOptions) {
    // Lost jobs are looked for at least every beat, so a takeover waits at most one beat more.
    this.loop = new Loop(
      "restores",
      () => this.pass(),
      Math.min(options.tickMs ?? 2_000, this.heartbeatMs),
    );
  }

  get heartbeatMs(): number {
    return this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  start(): void {
    this.stopping = false;
    this.loop.start();
  }
  kick(): void {
    this.loop.kick();
  }
  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
  }

  async pass(): Promise<number> {
    const { db, stores } = this.options;
    await reapRestores(db, this.heartbeatMs * MISSED_BEATS);
    let ran = 0;
    while (!this.stopping) {
      const row = await claimNextRestore(db, this.id);
      if (!row) break;
      let beating = false;
      const timer = setInterval(() => {
        if (beating) return; // never pile beats up behind a slow store
        beating = true;
        void beat(db, row.id, this.id)
          .catch(() => true)
          .finally(() => (beating = false));
      }, this.heartbeatMs);
      try {
        await runRestore(db, row, stores, { beforeStep: this.options.beforeStep });
        ran++;
      } finally {
        clearInterval(timer);
      }
    }
    return ran;
  }
}
