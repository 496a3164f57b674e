import fc from "fast-check";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, tables } from "../db";
import { isDomainError } from "../errors";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { RestoreRequest, requestRestore, tickChecklist, type RestoreDeps } from "./requests";
import { backedUp, restoreCounts, restoreInput } from "../../testing/restores";

describe("50 concurrent restore requests across two app instances on one PostgreSQL", () => {
  let f: BackupFixture;
  beforeAll(async () => {
    f = await backupFixture("postgres");
  });
  afterAll(() => f.close());

  it("give exactly one restore", async () => {
    const backup = await backedUp(f);
    const second = await openDatabase({ databaseUrl: f.database.url!, dataDir: null });
    try {
      const deps: RestoreDeps = { stores: f.stores, regionStatus: async () => "operational" };
      const sharedKey = restoreInput(backup.id);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          requestRestore(
            { actor: f.ctx("operator").actor, db: i % 2 ? second.db : f.db },
            // Half are the same click retried (one key), half are other tabs (their own keys).
            i % 2 ? sharedKey : restoreInput(backup.id),
            deps,
          ),
        ),
      );
      const accepted = new Set(
        results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : [])),
      );
      expect(accepted.size).toBe(1);
      const [{ n }] = (await f.db.select({ n: count() }).from(tables.restores)) as [{ n: number }];
      expect(n).toBe(1);
      for (const r of results)
        if (r.status === "rejected") {
          expect(isDomainError(r.reason), String(r.reason)).toBe(true);
          expect(r.reason.message).toMatch(/in flight/);
        }
    } finally {
      await second.close();
    }
  });
});

describe("generated bad input to the restore writes", () => {
  let f: BackupFixture;
  let backupId = "";
  beforeAll(async () => {
    f = await backupFixture("pglite");
    backupId = (await backedUp(f)).id;
  });
  afterAll(() => f.close());
  const deps = () => ({ stores: f.stores, regionStatus: async () => "operational" });

  /** Any value, or a valid request with one field replaced by anything. */
  const badInput = fc
    .oneof(
      fc.anything(),
      fc
        .record({
          field: fc.constantFrom(
            "backupId",
            "target",
            "region",
            "edition",
            "trackingDatabase",
            "storage",
            "confirm",
            "idempotencyKey",
            "extra",
          ),
          value: fc.oneof(
            fc.string(),
            fc.integer(),
            fc.constant(null),
            fc.object(),
            fc.constant("x".repeat(300)),
          ),
        })
        .map(({ field, value }) => ({ ...restoreInput(backupId), [field]: value })),
    )
    .filter((raw) => !RestoreRequest.safeParse(raw).success);

  it("requestRestore: 1,000 bad inputs give clear errors and change nothing", async () => {
    const before = await restoreCounts(f.db);
    await fc.assert(
      fc.asyncProperty(badInput, async (raw) => {
        try {
          await requestRestore(f.ctx("operator"), raw, deps());
        } catch (error) {
          if (!isDomainError(error)) throw error;
          expect(error.message.length).toBeGreaterThan(10);
          return;
        }
        throw new Error(`accepted ${JSON.stringify(raw)}`);
      }),
      { numRuns: 1_000 },
    );
    expect(await restoreCounts(f.db)).toEqual(before);
  });

  it("tickChecklist: 1,000 bad inputs give clear errors and change nothing", async () => {
    const before = await restoreCounts(f.db);
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.anything(), async (id, raw) => {
        const error = await tickChecklist(f.ctx("operator"), id, raw).then(
          () => null,
          (e: unknown) => e,
        );
        expect(isDomainError(error), String(error)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    expect(await restoreCounts(f.db)).toEqual(before);
  });
});
