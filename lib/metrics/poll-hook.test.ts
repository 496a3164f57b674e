import { afterAll, beforeAll, expect, it } from "vitest";
import { SYSTEM } from "../roles";
import { createTestDatabase } from "../../testing/db";
import type { Database } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { injectFault } from "../health/faults";
import { Poller } from "../health/poller";
import { waitFor } from "../../testing/wait";
import { setPollObserver } from "../health";

let database: Database;
let poller: Poller;
const reads: { ok: boolean; seconds: number }[] = [];

beforeAll(async () => {
  database = await createTestDatabase("pglite");
  await syncEstate(database.db, loadDemoEstate({ intervalMs: 300, timeoutMs: 200 }));
  setPollObserver((ok, seconds) => reads.push({ ok, seconds }));
  poller = new Poller({
    db: database.db,
    concurrency: 8,
    sampleRetentionMs: 86_400_000,
    tickMs: 50,
    flushEveryMs: 100,
  });
  poller.start();
});
afterAll(async () => {
  setPollObserver(undefined);
  await poller?.stop();
  await database?.close();
});

it("the poller reports every read's duration and outcome to the metrics hook", async () => {
  await waitFor("good reads", () => reads.filter((r) => r.ok).length >= 10);
  await injectFault(
    { actor: SYSTEM, db: database.db },
    { component: "contoso-edi.storage", status: "silent", for: "10m" },
  );
  await waitFor("a failed read", () => reads.some((r) => !r.ok));
  for (const r of reads) {
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    expect(r.seconds).toBeLessThan(5);
  }
});
