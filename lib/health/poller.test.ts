import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type Actor } from "../roles";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { loadDemoEstate } from "../estate/load";
import { syncEstate } from "../control-plane/estate-sync";
import { waitFor } from "../../testing/wait";
import { clearFaults, injectFault } from "./faults";
import { getSnapshot, invalidateSnapshot } from "./snapshot";
import { Poller } from "./poller";

const estate = loadDemoEstate({ intervalMs: 300, timeoutMs: 200 });
const board = async (db: Database["db"]) => {
  invalidateSnapshot();
  return (await getSnapshot(db, { refreshMs: 1000 })).view;
};

describe.each(ENGINES)("poller on %s", (engine) => {
  let database: Database;
  let poller: Poller;
  const admin: Actor = SYSTEM;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await syncEstate(database.db, estate);
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
    await poller.stop();
    await database.close();
  });

  it("reads every component and the board turns from unknown to operational", async () => {
    const view = await waitFor("every component read", async () => {
      const v = await board(database.db);
      return Object.values(v.components).every((c) => c.status === "operational") && v;
    });
    expect(view.poller.running).toBe(true);
    expect(view.overall.indicator).toBe("none");
    expect(view.components["contoso-edi.roles"]!.instances).toEqual({ up: 4, total: 4 });
    const samples = await database.db
      .select()
      .from(tables.samples)
      .where(eq(tables.samples.componentId, "contoso-edi.storage"));
    expect(samples.length).toBeGreaterThan(0);
  });

  it("an injected fault on one of four instances is a partial outage of the service, without waiting an interval", async () => {
    await injectFault(
      { actor: admin, db: database.db },
      { component: "contoso-edi.roles", status: "major_outage", instances: 1, for: "10m" },
    );
    const view = await waitFor("partial outage", async () => {
      const v = await board(database.db);
      return v.components["contoso-edi.roles"]!.status === "partial_outage" && v;
    });
    expect(view.components["contoso-edi.roles"]!.instances).toEqual({ up: 3, total: 4 });
    expect(view.services.find((s) => s.id === "contoso-edi")!.status).toBe("partial_outage");
    expect(view.overall).toEqual({ indicator: "major", description: "Partial System Outage" });
    const changes = await database.db
      .select()
      .from(tables.statusChanges)
      .where(eq(tables.statusChanges.componentId, "contoso-edi.roles"));
    expect(changes.map((c) => c.toStatus)).toContain("partial_outage");
  });

  it("a failing dependency marks its service impacted, as bad as the dependency", async () => {
    await injectFault(
      { actor: admin, db: database.db },
      { component: "fabrikam-b2b.tracking-db", status: "major_outage" },
    );
    const view = await waitFor("impact", async () => {
      const v = await board(database.db);
      return v.services.find((s) => s.id === "fabrikam-b2b")!.impactedBy.length > 0 && v;
    });
    const service = view.services.find((s) => s.id === "fabrikam-b2b")!;
    expect(service.status).toBe("major_outage");
    expect(service.impactedBy).toEqual(["fabrikam-b2b.tracking-db"]);
  });

  it("a silenced source turns unknown once its data is stale, and says why", async () => {
    await injectFault(
      { actor: admin, db: database.db },
      { component: "northwind-dev.acs", status: "silent" },
    );
    const view = await waitFor("unknown", async () => {
      const v = await board(database.db);
      return v.components["northwind-dev.acs"]!.status === "unknown" && v;
    });
    const acs = view.components["northwind-dev.acs"]!;
    expect(acs.stale).toBe(true);
    expect(acs.reason).toMatch(/no fresh data|no answer within 200 ms/);
    expect(view.services.find((s) => s.id === "northwind-dev")!.status).toBe("unknown");
    const [row] = await database.db
      .select()
      .from(tables.componentStatus)
      .where(eq(tables.componentStatus.componentId, "northwind-dev.acs"));
    await waitFor("the change to unknown is recorded", async () => {
      const [r] = await database.db
        .select()
        .from(tables.componentStatus)
        .where(eq(tables.componentStatus.componentId, "northwind-dev.acs"));
      return r?.status === "unknown" && r.attemptError === "no answer within 200 ms";
    });
    expect(row).toBeDefined();
  });

  it("clearing faults brings everything back", async () => {
    expect((await clearFaults({ actor: admin, db: database.db }, {})).cleared).toBe(3);
    await waitFor("all operational again", async () => {
      const v = await board(database.db);
      return Object.values(v.components).every((c) => c.status === "operational");
    });
  });

  it("hung sources do not hold up the others", async () => {
    const hung = [
      "contoso-edi.acs",
      "fabrikam-b2b.storage",
      "fabrikam-eai.storage",
      "northwind-dev.storage",
    ];
    for (const component of hung)
      await injectFault({ actor: admin, db: database.db }, { component, status: "silent" });
    // Start counting once every fault is in force: each hung read has timed out at least once.
    await waitFor("the faults to take hold", async () => {
      const rows = await database.db.select().from(tables.componentStatus);
      return hung.every(
        (id) => rows.find((r) => r.componentId === id)?.attemptError === "no answer within 200 ms",
      );
    });
    const since = new Date();
    const fresh = async () => {
      const counts = new Map<string, number>();
      for (const r of await database.db.select().from(tables.samples)) {
        if (r.at >= since) counts.set(r.componentId, (counts.get(r.componentId) ?? 0) + 1);
      }
      return counts;
    };
    // Every healthy component keeps being read, several times, while four reads hang in their slots.
    const counts = await waitFor("healthy components read three more times", async () => {
      const c = await fresh();
      return estate.components.every((x) => hung.includes(x.id) || (c.get(x.id) ?? 0) >= 3) && c;
    });
    for (const id of hung) expect(counts.get(id) ?? 0).toBe(0);
    await clearFaults({ actor: admin, db: database.db }, {});
  });

  it("rolls samples up into hours and days", async () => {
    await poller.settle();
    const hours = await database.db
      .select()
      .from(tables.hourly)
      .where(eq(tables.hourly.componentId, "contoso-edi.roles"));
    expect(hours.length).toBeGreaterThanOrEqual(1);
    expect(hours.reduce((n, h) => n + h.samples, 0)).toBeGreaterThan(0);
    expect(hours.map((h) => h.worst)).toContain("partial_outage");
    const days = await database.db
      .select()
      .from(tables.daily)
      .where(eq(tables.daily.componentId, "contoso-edi.roles"));
    expect(days.reduce((n, d) => n + d.samples, 0)).toBe(hours.reduce((n, h) => n + h.samples, 0));
  });

  it("when the poller stops, the board says so and never stays green", async () => {
    await poller.stop();
    const view = await waitFor("poller reported stopped", async () => {
      const v = await board(database.db);
      return !v.poller.running && v;
    });
    expect(view.overall.indicator).toBe("unknown");
    // Stopped cleanly, it still says when it last ran.
    expect(view.poller.lastBeatAt).not.toBeNull();
    await waitFor("components turn unknown", async () => {
      const v = await board(database.db);
      return Object.values(v.components).every((c) => c.status === "unknown");
    });
    poller.start();
  });
});
