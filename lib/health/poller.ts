import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Db } from "../db";
import { readEstate, readEstateVersion } from "../estate";
import type { EstateComponent } from "../estate/types";
import { logger, type Logger } from "../log";
import { observePollRead } from "./poll-observer";
import { deleteExpiredFaults, listFaults } from "./faults";
import { DueQueue } from "./due-queue";
import { acquireLease, releaseLease } from "./lease";
import { loadCurrent, recordOutcomes, type Current, type Outcome } from "./recorder";
import { pruneHistory, rollUpDays, rollUpHours } from "./rollups";
import { readOnce } from "./read-once";
import type { Fault } from "./sources";
import { errorText } from "../status/reading-types";

export const POLLER_LEASE = "poller";

export type PollerOptions = {
  db: Db;
  concurrency: number;
  sampleRetentionMs: number;
  holder?: string;
  log?: Logger;
  tickMs?: number;
  flushEveryMs?: number;
  maintenanceEveryMs?: number;
};

type Slot = { component: EstateComponent; nextDue: number; inFlight: number; rush: boolean };

/**
 * Reads every component on its own interval, with a timeout per read, bounded concurrency and
 * jitter, and records the outcomes in batches. Only the instance holding the poller lease polls;
 * the lease renewal is the heartbeat the board watches.
 */
export class Poller {
  readonly holder: string;
  private readonly db: Db;
  private readonly log: Logger;
  private readonly o: Required<Omit<PollerOptions, "db" | "holder" | "log">>;
  private slots = new Map<string, Slot>();
  private queue = new DueQueue<Slot>();
  private launchPending = false;
  private faults = new Map<string, Fault>();
  private faultKeys = new Map<string, string>();
  private current = new Map<string, Current>();
  private buffer: Outcome[] = [];
  private estateVersion = -1;
  private beatEveryMs = 5_000;
  private running = 0;
  private tokens = 0;
  private leader = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private due = { lease: 0, estate: 0, faults: 0, flush: 0, maintenance: 0, prune: 0 };

  constructor(options: PollerOptions) {
    this.db = options.db;
    this.holder =
      options.holder ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.log = options.log ?? logger("poller");
    this.o = {
      concurrency: options.concurrency,
      sampleRetentionMs: options.sampleRetentionMs,
      tickMs: options.tickMs ?? 200,
      flushEveryMs: options.flushEveryMs ?? 1_000,
      maintenanceEveryMs: options.maintenanceEveryMs ?? 60_000,
    };
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await this.flush();
    if (this.leader) await releaseLease(this.db, POLLER_LEASE, this.holder).catch(() => {});
    this.leader = false;
  }

  private loop = () => {
    this.ticking = this.tick()
      .catch((error) => this.log.error(`tick failed: ${errorText(error)}`))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(this.loop, this.o.tickMs);
      });
  };

  private async tick(): Promise<void> {
    const now = Date.now();
    if (now >= this.due.lease) {
      this.due.lease = now + this.beatEveryMs;
      const was = this.leader;
      this.leader = await acquireLease(
        this.db,
        POLLER_LEASE,
        this.holder,
        3 * this.beatEveryMs,
        this.beatEveryMs,
      );
      if (this.leader && !was) {
        this.log.info(`polling as ${this.holder}`);
        this.current = await loadCurrent(this.db);
        this.estateVersion = -1;
        this.due.estate = 0;
      } else if (!this.leader && was) {
        this.log.warn("lost the poller lease; another instance polls now");
        this.slots.clear();
        this.queue.clear();
        this.buffer = [];
      }
    }
    if (!this.leader) return;
    if (now >= this.due.estate) {
      this.due.estate = now + 5_000;
      await this.reloadEstate(now);
    }
    if (now >= this.due.faults) {
      this.due.faults = now + 1_000;
      await this.reloadFaults(now);
    }
    this.launchDue(now);
    if (this.buffer.length && now >= this.due.flush) {
      this.due.flush = now + this.o.flushEveryMs;
      await this.flush();
    }
    if (now >= this.due.maintenance) {
      this.due.maintenance = now + this.o.maintenanceEveryMs;
      await this.maintain(new Date(now));
    }
  }

  private async reloadEstate(now: number): Promise<void> {
    const version = await readEstateVersion(this.db);
    if (version === this.estateVersion) return;
    const estate = await readEstate(this.db);
    this.estateVersion = version;
    const seen = new Set<string>();
    for (const component of estate.components) {
      seen.add(component.id);
      const slot = this.slots.get(component.id);
      if (slot) slot.component = component;
      else
        this.schedule(
          this.slots
            .set(component.id, { component, inFlight: 0, rush: false, nextDue: 0 })
            .get(component.id)!,
          now + Math.random() * Math.min(component.intervalMs, 2_000),
        );
    }
    for (const id of this.slots.keys()) if (!seen.has(id)) this.slots.delete(id);
    const shortest = Math.min(...estate.components.map((c) => c.intervalMs), 10_000);
    this.beatEveryMs = Math.max(500, Math.min(5_000, Math.floor(shortest / 2)));
  }

  private async reloadFaults(now: number): Promise<void> {
    const rows = await listFaults(this.db, new Date(now));
    const keys = new Map(
      rows.map((r) => [r.componentId, JSON.stringify(r.fault) + r.createdAt.getTime()]),
    );
    for (const id of new Set([...keys.keys(), ...this.faultKeys.keys()])) {
      const slot = this.slots.get(id);
      // A new or cleared fault is read at once, so it shows on the board without waiting an interval.
      if (slot && keys.get(id) !== this.faultKeys.get(id)) {
        if (slot.inFlight) slot.rush = true;
        else this.schedule(slot, now);
      }
    }
    this.faultKeys = keys;
    this.faults = new Map(rows.map((r) => [r.componentId, r.fault]));
  }

  private schedule(slot: Slot, due: number): void {
    slot.nextDue = due;
    this.queue.push(slot, due);
  }

  /** Starts the most overdue reads first, so a big estate never starves the end of the list. */
  private launchDue(now: number): void {
    while (this.running < this.o.concurrency) {
      const entry = this.queue.popDue(now);
      if (!entry) return;
      const slot = entry.item;
      // Entries left behind by a reschedule, a removed component or a read in flight are stale.
      if (entry.due !== slot.nextDue || slot.inFlight || this.slots.get(slot.component.id) !== slot)
        continue;
      this.read(slot, now);
    }
  }

  /** A finished read frees a slot: fill it now rather than at the next tick. */
  private launchSoon(): void {
    if (this.launchPending) return;
    this.launchPending = true;
    setImmediate(() => {
      this.launchPending = false;
      if (!this.stopped && this.leader) this.launchDue(Date.now());
    });
  }

  private read(slot: Slot, now: number): void {
    const token = ++this.tokens;
    const component = slot.component;
    slot.inFlight = token;
    this.running++;
    readOnce(component, new Date(now), this.faults.get(component.id), (outcome, seconds) => {
      observePollRead(outcome.ok, seconds);
      this.running--;
      if (slot.inFlight === token) slot.inFlight = 0;
      const jitter = (Math.random() * 2 - 1) * 0.1 * component.intervalMs;
      this.schedule(slot, slot.rush ? Date.now() : now + component.intervalMs + jitter);
      slot.rush = false;
      if (this.leader && this.slots.get(component.id) === slot) this.buffer.push(outcome);
      this.launchSoon();
    });
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await recordOutcomes(
        this.db,
        batch,
        this.current,
        (id) => this.slots.get(id)?.component.staleAfterMs ?? 90_000,
      );
    } catch (error) {
      this.log.error(`could not record ${batch.length} readings: ${errorText(error)}`);
      // Keep them for the next flush, but never let a dead store grow memory without bound.
      this.buffer = [...batch, ...this.buffer].slice(-50_000);
    }
  }

  private async maintain(now: Date): Promise<void> {
    try {
      await deleteExpiredFaults(this.db, now);
      await rollUpHours(this.db, new Date(now.getTime() - 3_600_000));
      await rollUpDays(this.db, new Date(now.getTime() - 86_400_000));
      if (now.getTime() >= this.due.prune) {
        this.due.prune = now.getTime() + 10 * 60_000;
        await pruneHistory(this.db, now, this.o.sampleRetentionMs);
      }
    } catch (error) {
      this.log.error(`maintenance failed: ${errorText(error)}`);
    }
  }

  /** Rolls up and writes what is pending now; for shutdown and tests. */
  async settle(): Promise<void> {
    await this.flush();
    await this.maintain(new Date());
  }
}
