/**
 * The drill worker, one per process: fails drills whose worker was lost (and removes their
 * sandboxes), requests scheduled drills that are due, and runs queued ones, beating while it runs.
 */
import { randomUUID } from "node:crypto";
import { SYSTEM } from "../roles";
import type { Stores } from "../backups";
import type { Db } from "../db";
import { DEFAULT_HEARTBEAT_MS, MISSED_BEATS, Loop } from "../jobs";
import { requestDueDrills } from "./requests";
import { beatDrill, claimNextDrill, reapDrills, runDrill, type DrillStepHook } from "./runner";

export type DrillWorkerOptions = {
  db: Db;
  stores: Stores;
  tickMs?: number;
  heartbeatMs?: number;
  /** Tests make a step fail here. */
  beforeStep?: DrillStepHook;
};

export class DrillWorker {
  readonly id = `driller-${randomUUID().slice(0, 8)}`;
  private readonly loop: Loop;
  private stopping = false;

  constructor(private readonly options: DrillWorkerOptions) {
    this.loop = new Loop(
      "drills",
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
    await reapDrills(db, this.heartbeatMs * MISSED_BEATS);
    await requestDueDrills(db, SYSTEM);
    let ran = 0;
    while (!this.stopping) {
      const row = await claimNextDrill(db, this.id);
      if (!row) break;
      const timer = setInterval(
        () => void beatDrill(db, row.id, this.id).catch(() => {}),
        this.heartbeatMs,
      );
      try {
        await runDrill(db, row, stores, { beforeStep: this.options.beforeStep });
        ran++;
      } finally {
        clearInterval(timer);
      }
    }
    return ran;
  }
}
