/**
 * The drill worker, one per process: fails drills whose worker was lost (and removes their
 * sandboxes), requests scheduled drills that are due, and runs queued ones, beating while it runs.
 */
import { SYSTEM } from "../roles";
import type { Stores } from "../backups";
import type { Db } from "../db";
import { JobWorker } from "../jobs";
import { requestDueDrills, type DrillRecord } from "./requests";
import { beatDrill, claimNextDrill, reapDrills, runDrill, type DrillStepHook } from "./runner";

export type DrillWorkerOptions = {
  db: Db;
  stores: Stores;
  tickMs?: number;
  heartbeatMs?: number;
  /** Tests make a step fail here. */
  beforeStep?: DrillStepHook;
};

export class DrillWorker extends JobWorker<DrillRecord> {
  constructor(private readonly options: DrillWorkerOptions) {
    super({
      name: "drills",
      idPrefix: "driller",
      tickMs: options.tickMs ?? 2_000,
      heartbeatMs: options.heartbeatMs,
      passEveryBeat: true,
    });
  }

  protected async prepare(lostAfterMs: number): Promise<void> {
    await reapDrills(this.options.db, lostAfterMs);
    await requestDueDrills(this.options.db, SYSTEM);
  }
  protected claim() {
    return claimNextDrill(this.options.db, this.id);
  }
  protected beat(row: DrillRecord) {
    return beatDrill(this.options.db, row.id, this.id);
  }
  protected run(row: DrillRecord) {
    const { db, stores, beforeStep } = this.options;
    return runDrill(db, row, stores, { beforeStep });
  }
}
