import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Db } from "../db";
import { readEstate, readEstateVersion } from "../estate";
import type { Estate } from "../estate/types";
import { readMaintenanceInForce } from "./maintenance-in-force";
import { overlayMaintenance } from "./maintenance-overlay";
import { logger } from "../log";
import type { BoardView } from "./board-types";
import { buildBoardView, type PollerState, type StoredStatus } from "./board";
import { leaseAlive, readLease } from "./lease";
import { POLLER_LEASE } from "./poller";
import { readStatuses, type StatusReading } from "./status-reader";

const log = logger("health");
/** A rebuild pending this many maxAges means the store hangs. */
const HUNG_AFTER = 5;

export type Encoded = { body: Buffer; gzip: Buffer; etag: string };

export type Snapshot = {
  view: BoardView;
  builtAt: number;
  /** Serialised forms of this snapshot, made once on first request. */
  encode(key: string, make: () => unknown): Encoded;
};

/** The last good reading of the store: what the board is answered from while the store is away. */
type Reading = {
  db: Db;
  estate: Estate;
  statuses: Map<string, StoredStatus>;
  poller: PollerState;
  readAt: Date;
};

type Cache = {
  snapshot: Snapshot | null;
  refreshing: Promise<Snapshot> | null;
  /** When the pending rebuild began, to tell a store that hangs from one that is slow. */
  refreshStartedAt: number;
  estate: Estate | null;
  db: Db | null;
  last?: Reading | null;
  /** Since when rebuilds fail or hang: the store cannot be read. */
  unreachableSince?: number | null;
  /** The stored statuses as last read, brought up to date by the rows written since. */
  statusReading?: StatusReading | null;
  /** The last bytes made per document, reused while the document does not change. */
  lastEncoded?: Map<string, Encoded>;
};

const KEY = Symbol.for("standfast.health.snapshot");
const cache = ((globalThis as { [KEY]?: Cache })[KEY] ??= {
  snapshot: null,
  refreshing: null,
  refreshStartedAt: 0,
  estate: null,
  db: null,
});

async function read(db: Db): Promise<Reading> {
  const version = await readEstateVersion(db);
  if (!cache.estate || cache.estate.version !== version || cache.db !== db) {
    cache.estate = await readEstate(db);
    cache.db = db;
  }
  const estate = cache.estate;
  // Only the status rows written since the previous reading: 10,000 rows every second would
  // keep the process busy reading while the poller writes.
  const previous = cache.statusReading?.db === db ? cache.statusReading : null;
  const [{ reading: statusReading }, lease, maintenance] = await Promise.all([
    readStatuses(db, previous, { estateVersion: version }),
    readLease(db, POLLER_LEASE),
    readMaintenanceInForce(db),
  ]);
  cache.statusReading = statusReading;
  const statuses = statusReading.statuses;
  const poller = {
    running: leaseAlive(lease),
    lastBeatAt: lease?.heartbeatAt ?? null,
    beatEveryMs: lease?.beatEveryMs ?? null,
  };
  // Components in maintenance in progress show under_maintenance (board, API, pages).
  const shown = overlayMaintenance(statuses, maintenance);
  return { db, estate, statuses: shown, poller, readAt: new Date() };
}

/** The board from a reading, at `now`: the reading's own time, or later when the store is away. */
function snapshotOf(reading: Reading, now: Date, refreshMs: number): Snapshot {
  const down = cache.unreachableSince;
  const view = buildBoardView(reading.estate, reading.statuses, reading.poller, now, refreshMs, {
    readAt: reading.readAt.toISOString(),
    unreachableSince: down ? new Date(down).toISOString() : null,
  });
  const encoded = new Map<string, Encoded>();
  return {
    view,
    builtAt: now.getTime(),
    encode(key, make) {
      let e = encoded.get(key);
      if (!e) {
        const body = Buffer.from(JSON.stringify(make()));
        const last = (cache.lastEncoded ??= new Map<string, Encoded>());
        const previous = last.get(key);
        e =
          previous && previous.body.equals(body)
            ? previous
            : {
                body,
                gzip: gzipSync(body, { level: 6 }),
                // Weak: the plain and gzip bodies are the same document in two encodings.
                etag: `W/"${createHash("sha1").update(body).digest("base64url")}"`,
              };
        last.set(key, e);
        encoded.set(key, e);
      }
      return e;
    },
  };
}

async function build(db: Db, refreshMs: number, startedAt: number): Promise<Snapshot> {
  try {
    const reading = await read(db);
    if (cache.unreachableSince) log.info("the status store can be read again");
    cache.last = reading;
    cache.unreachableSince = null;
    return snapshotOf(reading, reading.readAt, refreshMs);
  } catch (error) {
    if (!cache.unreachableSince)
      log.error(`the status store cannot be read: ${(error as Error).message}`);
    cache.unreachableSince ??= startedAt;
    // Answer from the last reading, aged to now, rather than not at all; with nothing read yet, fail.
    const last = cache.last?.db === db ? cache.last : null;
    if (!last) throw error;
    return snapshotOf(last, new Date(), refreshMs);
  }
}

/**
 * The current board, rebuilt from the store at most once per `maxAgeMs`. While one rebuild runs,
 * callers get the previous snapshot instead of waiting in line behind it, so requests never pile up.
 */
export async function getSnapshot(
  db: Db,
  options: { maxAgeMs?: number; refreshMs: number },
): Promise<Snapshot> {
  const maxAge = options.maxAgeMs ?? 1_000;
  const now = Date.now();
  const current = cache.db === db ? cache.snapshot : null;
  if (current && now - current.builtAt < maxAge) return current;
  if (!cache.refreshing) {
    cache.refreshStartedAt = now;
    cache.refreshing = build(db, options.refreshMs, now)
      .then((s) => (cache.snapshot = s))
      .finally(() => (cache.refreshing = null));
  }
  if (!current) return cache.refreshing;
  // A store that does not answer within a few refreshes is away: answer from the last reading,
  // aged to now (at most one new board per maxAge), instead of queueing every request behind it.
  const last = cache.last?.db === db ? cache.last : null;
  if (last && now - cache.refreshStartedAt > HUNG_AFTER * maxAge) {
    if (!cache.unreachableSince) log.error("the status store does not answer");
    cache.unreachableSince ??= cache.refreshStartedAt;
    return (cache.snapshot = snapshotOf(last, new Date(now), options.refreshMs));
  }
  return current;
}

/** Forget the cached board (tests, and after writes that must show at once). */
export function invalidateSnapshot(): void {
  cache.snapshot = null;
}
