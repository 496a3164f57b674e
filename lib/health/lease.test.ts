import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../testing/db";
import type { Database } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { waitFor } from "../../testing/wait";
import { acquireLease, leaseAlive, readLease, releaseLease } from "./lease";
import { Poller, POLLER_LEASE } from "./poller";

describe("lease", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(() => database.close());

  it("is held by one holder at a time, renewed by its holder, and free once released or expired", async () => {
    const db = database.db;
    expect(await acquireLease(db, "job", "a", 60_000, 1_000)).toBe(true);
    expect(await acquireLease(db, "job", "b", 60_000, 1_000)).toBe(false);
    expect(await acquireLease(db, "job", "a", 60_000, 1_000)).toBe(true);
    await releaseLease(db, "job", "b");
    expect((await readLease(db, "job"))?.holder).toBe("a");
    await releaseLease(db, "job", "a");
    const released = await readLease(db, "job");
    expect(released?.holder).toBe("a");
    expect(leaseAlive(released)).toBe(false);
    expect(await acquireLease(db, "job", "b", 1, 1_000)).toBe(true);
    await waitFor("the 1 ms lease expires", async () =>
      acquireLease(db, "job", "c", 60_000, 1_000),
    );
    expect((await readLease(db, "job"))?.holder).toBe("c");
  });

  it("gives exactly one winner when many claim at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        acquireLease(database.db, "race", `h${i}`, 60_000, 1_000),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("two pollers against one PostgreSQL", () => {
  let database: Database;
  let first: Poller;
  let second: Poller;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    await syncEstate(database.db, loadDemoEstate({ intervalMs: 1_000, timeoutMs: 300 }));
    const options = {
      db: database.db,
      concurrency: 4,
      sampleRetentionMs: 86_400_000,
      tickMs: 50,
      flushEveryMs: 100,
    };
    first = new Poller({ ...options, holder: "first" });
    second = new Poller({ ...options, holder: "second" });
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
    await database.close();
  });

  it("only one polls; when it stops the other takes over, and the heartbeat never lapses for long", async () => {
    first.start();
    await waitFor("first leads", () => first.isLeader);
    second.start();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(first.isLeader).toBe(true);
    expect(second.isLeader).toBe(false);

    await first.stop();
    await waitFor("second takes over", () => second.isLeader);
    const lease = await readLease(database.db, POLLER_LEASE);
    expect(lease?.holder).toBe("second");
    expect(leaseAlive(lease)).toBe(true);
  });
});
