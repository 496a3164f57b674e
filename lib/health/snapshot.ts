import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { tables, type Db } from "../db";
import { readEstate, readEstateVersion } from "../estate/read";
import type { Estate } from "../estate/types";
import type { BoardView } from "./board-types";
import { buildBoardView, type StoredStatus } from "./board";
import { leaseAlive, readLease } from "./lease";
import { POLLER_LEASE } from "./poller";
import type { Status } from "./vocabulary";

export type Encoded = { body: Buffer; gzip: Buffer; etag: string };

export type Snapshot = {
  view: BoardView;
  builtAt: number;
  /** Serialised forms of this snapshot, made once on first request. */
  encode(key: string, make: () => unknown): Encoded;
};

type Cache = {
  snapshot: Snapshot | null;
  refreshing: Promise<Snapshot> | null;
  estate: Estate | null;
  db: Db | null;
  /** The last bytes made per document, reused while the document does not change. */
  lastEncoded?: Map<string, Encoded>;
};

const KEY = Symbol.for("standfast.health.snapshot");
const cache = ((globalThis as { [KEY]?: Cache })[KEY] ??= {
  snapshot: null,
  refreshing: null,
  estate: null,
  db: null,
});

async function build(db: Db, refreshMs: number): Promise<Snapshot> {
  const version = await readEstateVersion(db);
  if (!cache.estate || cache.estate.version !== version || cache.db !== db) {
    cache.estate = await readEstate(db);
    cache.db = db;
  }
  const [rows, lease] = await Promise.all([
    db.select().from(tables.componentStatus),
    readLease(db, POLLER_LEASE),
  ]);
  const statuses = new Map<string, StoredStatus>(
    rows.map((r) => [
      r.componentId,
      {
        status: r.status as Status,
        reason: r.reason,
        since: r.since,
        checkedAt: r.checkedAt,
        attemptError: r.attemptError,
        latencyMs: r.latencyMs,
        detail: r.detail,
      },
    ]),
  );
  const view = buildBoardView(
    cache.estate,
    statuses,
    {
      running: leaseAlive(lease),
      lastBeatAt: lease?.heartbeatAt ?? null,
      beatEveryMs: lease?.beatEveryMs ?? null,
    },
    new Date(),
    refreshMs,
  );
  const encoded = new Map<string, Encoded>();
  return {
    view,
    builtAt: Date.now(),
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

/**
 * The current board, rebuilt from the store at most once per `maxAgeMs`. While one rebuild runs,
 * callers get the previous snapshot instead of waiting in line behind it, so requests never pile up.
 */
export async function getSnapshot(
  db: Db,
  options: { maxAgeMs?: number; refreshMs: number },
): Promise<Snapshot> {
  const maxAge = options.maxAgeMs ?? 1_000;
  const current = cache.db === db ? cache.snapshot : null;
  if (current && Date.now() - current.builtAt < maxAge) return current;
  if (!cache.refreshing) {
    cache.refreshing = build(db, options.refreshMs)
      .then((s) => (cache.snapshot = s))
      .finally(() => (cache.refreshing = null));
  }
  // Serve the previous board while the new one is built, unless it is too old to be honest.
  if (current && Date.now() - current.builtAt < 10 * maxAge) return current;
  return cache.refreshing;
}

/** Forget the cached board (tests, and after writes that must show at once). */
export function invalidateSnapshot(): void {
  cache.snapshot = null;
}
