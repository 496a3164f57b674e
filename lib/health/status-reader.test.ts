import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database, Db } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { readEstateVersion } from "../estate/read";
import { syncEstate } from "../control-plane/estate-sync";
import { loadCurrent, recordOutcomes } from "./recorder";
import { FULL_READ_EVERY_MS, readStatuses, type StatusReading } from "./status-reader";
import type { Status } from "../status/vocabulary";

const estate = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 });
const ids = estate.components.map((c) => c.id);
const [first, second, third] = ids as [string, string, string];

/** Records good readings through the poller's own writer, as one transaction. */
async function record(db: Db, readings: [string, Status][]): Promise<void> {
  const at = new Date();
  const outcomes = readings.map(([componentId, status]) => ({
    ok: true as const,
    componentId,
    at,
    status,
    latencyMs: 5,
    reason: null,
    detail: null,
  }));
  await recordOutcomes(db, outcomes, await loadCurrent(db), () => 60_000);
}

const statusOf = (reading: StatusReading, id: string) => reading.statuses.get(id)?.status;

describe.each(ENGINES)("incremental status reads on %s", (engine) => {
  let database: Database;
  let db: Db;
  const version = () => readEstateVersion(db);
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    await syncEstate(db, estate);
    await record(
      db,
      ids.map((id) => [id, "operational"]),
    );
  });
  afterAll(() => database.close());

  it("reads every row first, then only the rows written since, and the change appears", async () => {
    const full = await readStatuses(db, null, { estateVersion: await version() });
    expect(full.kind).toBe("full");
    expect(full.reading.statuses.size).toBe(ids.length);
    const quiet = await readStatuses(db, full.reading, { estateVersion: await version() });
    expect(quiet).toMatchObject({ kind: "changes", changed: 0 });

    await record(db, [[first, "major_outage"]]);
    const next = await readStatuses(db, quiet.reading, { estateVersion: await version() });
    expect(next).toMatchObject({ kind: "changes", changed: 1 });
    expect(statusOf(next.reading, first)).toBe("major_outage");
    expect(statusOf(next.reading, second)).toBe("operational");
    expect(next.reading.statuses.size).toBe(ids.length);
    // The previous reading is left as it was: a snapshot built from it does not change under it.
    expect(statusOf(quiet.reading, first)).toBe("operational");
  });

  it("reads everything again when the estate changes, so a deleted row is gone", async () => {
    const before = await readStatuses(db, null, { estateVersion: await version() });
    await db.delete(tables.componentStatus).where(eq(tables.componentStatus.componentId, third));
    const same = await readStatuses(db, before.reading, { estateVersion: await version() });
    // A deleted row leaves no change behind to read: only the estate's new version tells.
    expect(same.kind).toBe("changes");
    const after = await readStatuses(db, before.reading, { estateVersion: (await version()) + 1 });
    expect(after.kind).toBe("full");
    expect(after.reading.statuses.has(third)).toBe(false);
    await record(db, [[third, "operational"]]);
  });

  it("reads everything again when transaction ids go back (another store) and periodically", async () => {
    const before = await readStatuses(db, null, { estateVersion: await version() });
    // As if the store had been replaced by a copy taken later than the one read now.
    const ahead: StatusReading = {
      ...before.reading,
      xmin: before.reading.xmin + 1_000_000n,
      xmax: before.reading.xmax + 1_000_000n,
    };
    await record(db, [[second, "degraded_performance"]]);
    const gap = await readStatuses(db, ahead, { estateVersion: await version() });
    expect(gap.kind).toBe("full");
    expect(statusOf(gap.reading, second)).toBe("degraded_performance");

    const later = gap.reading.fullReadAt + FULL_READ_EVERY_MS;
    const periodic = await readStatuses(db, gap.reading, {
      estateVersion: await version(),
      now: later,
    });
    expect(periodic.kind).toBe("full");
    expect(periodic.reading.fullReadAt).toBe(later);
  });
});

describe("incremental status reads with two app instances on one PostgreSQL", () => {
  let database: Database & { url?: string };
  let other: Database;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    other = await openDatabase({ databaseUrl: database.url!, dataDir: null });
    await syncEstate(database.db, estate);
    await record(
      database.db,
      ids.map((id) => [id, "operational"]),
    );
  });
  afterAll(async () => {
    await other.close();
    await database.close();
  });

  it("sees the other instance's writes, including one that commits after a later one", async () => {
    const db = database.db;
    const estateVersion = await readEstateVersion(db);
    const start = await readStatuses(db, null, { estateVersion });

    await record(other.db, [[first, "partial_outage"]]);
    const seen = await readStatuses(db, start.reading, { estateVersion });
    expect(seen.kind).toBe("changes");
    expect(statusOf(seen.reading, first)).toBe("partial_outage");

    // A slow transaction on the other instance writes first and commits last.
    let wrote!: () => void;
    let release!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const gate = new Promise<void>((r) => (release = r));
    const slow = other.db.transaction(async (tx) => {
      await tx
        .update(tables.componentStatus)
        .set({ status: "major_outage" })
        .where(eq(tables.componentStatus.componentId, second));
      wrote();
      await gate;
    });
    await written;
    await record(db, [[third, "degraded_performance"]]);
    const meanwhile = await readStatuses(db, seen.reading, { estateVersion });
    expect(statusOf(meanwhile.reading, third)).toBe("degraded_performance");
    expect(statusOf(meanwhile.reading, second)).toBe("operational");

    release();
    await slow;
    const after = await readStatuses(db, meanwhile.reading, { estateVersion });
    expect(after.kind).toBe("changes");
    expect(statusOf(after.reading, second)).toBe("major_outage");
    expect(statusOf(after.reading, third)).toBe("degraded_performance");
  });
});
