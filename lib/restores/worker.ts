/** The restore worker, one per process: resumes restores whose worker died, runs queued ones. */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Stores } from "../backups/registry";
import type { Db } from "../db";
import { Loop } from "../jobs/loop";
import { claimNextRestore, reapRestores, runRestore, type StepHook } from "./runner";

export type RestoreWorkerOptions = {
  db: Db;
  stores: Stores;
  tickMs?: number;
  staleAfterMs?: number;
  /** Tests stand in for a worker dying mid-step here. */
  beforeStep?: StepHook;
};

export class RestoreWorker {
  readonly id = `restorer-${randomUUID().slice(0, 8)}`;
  private readonly loop: Loop;
  private stopping = false;

  constructor(private readonly options: RestoreWorkerOptions) {
    this.loop = new Loop("restores", () => this.pass(), options.tickMs ?? 2_000);
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
    await reapRestores(db, this.options.staleAfterMs ?? 60_000);
    let ran = 0;
    while (!this.stopping) {
      const row = await claimNextRestore(db, this.id);
      if (!row) break;
      const beat = setInterval(
        () => void db.execute(sqlBeat(row.id)).catch(() => {}),
        Math.min(10_000, (this.options.staleAfterMs ?? 60_000) / 3),
      );
      try {
        await runRestore(db, row, stores, { beforeStep: this.options.beforeStep });
        ran++;
      } finally {
        clearInterval(beat);
      }
    }
    return ran;
  }
}

const sqlBeat = (id: string) =>
  sql`update restores set heartbeat_at = now() where id = ${id} and status = 'running'`;
