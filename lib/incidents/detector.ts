import "server-only";
import type { Db } from "../db";
import { Loop } from "../jobs";
import { planDetection, type DetectionConfig } from "./detection";
import { applyPlan } from "./detector-apply";
import { kickNotifications } from "./events";
import { readOpenIncidents, readRecentlyResolved, readWatched } from "./detector-read";
import { tryLockIncidents } from "./lock";
import { advanceMaintenance } from "./maintenance-advance";

export type PassResult = {
  opened: string[];
  resolved: string[];
  maintenance: { id: string; to: string }[];
  /** Notification events written (incidents opened, updated, resolved; maintenance moved). */
  events: number;
};

/**
 * One detection pass: maintenance moves on schedule, then the readings are judged and incidents
 * opened, joined, reopened, tracked and resolved, all in one transaction under an advisory lock,
 * so two instances never judge the same readings at once. Null when another instance holds it.
 */
export async function runIncidentPass(
  db: Db,
  config: DetectionConfig,
  now = new Date(),
): Promise<PassResult | null> {
  return db.transaction(async (tx) => {
    if (!(await tryLockIncidents(tx))) return null;
    const maintenance = await advanceMaintenance(tx, now);
    const watched = await readWatched(tx, now);
    const open = await readOpenIncidents(tx);
    const recent = await readRecentlyResolved(tx, now, config.groupWindowMs);
    const plan = planDetection({ now, components: watched, open, recent, config });
    const applied = await applyPlan({ tx, now, watched }, plan, config);
    return { ...applied, maintenance, events: applied.events + maintenance.length };
  });
}

/** The detector loop: a pass every tick, on every instance (the lock keeps them apart). */
export class IncidentDetector {
  private readonly loop: Loop;

  constructor(private readonly options: { db: Db; config: DetectionConfig; tickMs?: number }) {
    this.loop = new Loop("incidents", () => this.pass(), options.tickMs ?? 1_000);
  }

  start(): void {
    this.loop.start();
  }

  /** A pass now (after a maintenance was scheduled or an incident written). */
  kick(): void {
    this.loop.kick();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  async pass(): Promise<PassResult | null> {
    const result = await runIncidentPass(this.options.db, this.options.config);
    // What the pass announced is committed now: send it without waiting for the sender's tick.
    if (result?.events) kickNotifications();
    return result;
  }
}

const KEY = Symbol.for("standfast.incidentDetector");
type Global = typeof globalThis & { [KEY]?: IncidentDetector };

export const getDetector = (): IncidentDetector | undefined => (globalThis as Global)[KEY];

export function startIncidentDetector(
  options: ConstructorParameters<typeof IncidentDetector>[0],
): IncidentDetector {
  const existing = getDetector();
  if (existing) return existing;
  const detector = new IncidentDetector(options);
  (globalThis as Global)[KEY] = detector;
  detector.start();
  return detector;
}

export async function stopIncidentDetector(): Promise<void> {
  const detector = getDetector();
  if (!detector) return;
  delete (globalThis as Global)[KEY];
  await detector.stop();
}
