import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, tables, type Database } from "../db";
import {
  ENGINES,
  openEstateDatabase,
  readAuditRows,
  type TestDatabase,
} from "../../testing/fixtures";
import {
  at,
  componentRows,
  incidentRows,
  pass,
  readAll,
  updateRows,
} from "../../testing/incidents";

describe.each(ENGINES)("incident detection on %s", (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openEstateDatabase(engine);
    await readAll(database.db, 0);
  });
  afterEach(async () => {
    await database.close();
  });

  it("opens one incident after the debounce, from the first failing reading, and resolves it after the quiet period", async () => {
    const db = database.db;
    await readAll(db, 30, { "contoso-edi.roles": "partial_outage" });
    expect(await pass(db, 30)).toMatchObject({ opened: [] });
    await readAll(db, 60, { "contoso-edi.roles": "major_outage" });
    expect((await pass(db, 60))!.opened).toEqual([]);
    await readAll(db, 90, { "contoso-edi.roles": "major_outage" });
    const { opened } = (await pass(db, 90))!;
    expect(opened).toHaveLength(1);
    // The next passes change nothing: the failure is in its incident already.
    await readAll(db, 120, { "contoso-edi.roles": "major_outage" });
    expect((await pass(db, 120))!.opened).toEqual([]);

    const [incident] = await incidentRows(db);
    expect(incident).toMatchObject({
      id: opened[0],
      status: "investigating",
      impact: "critical",
      origin: "detected",
      startedAt: at(30),
      resolvedAt: null,
      title: "Major outage: contoso-edi role instances",
    });
    expect(await componentRows(db, incident!.id)).toMatchObject([
      {
        componentId: "contoso-edi.roles",
        failingSince: at(30),
        worstStatus: "major_outage",
        open: true,
      },
    ]);
    const [first] = await updateRows(db, incident!.id);
    expect(first).toMatchObject({ status: "investigating", authorName: "Standfast" });
    expect(first!.body).toContain("contoso-edi role instances: major outage since 10:00:30 UTC");

    // Another component of the same service joins it rather than opening another.
    for (const s of [150, 180, 210])
      await readAll(db, s, {
        "contoso-edi.roles": "major_outage",
        "contoso-edi.storage": "degraded_performance",
      });
    await pass(db, 210);
    expect(await incidentRows(db)).toHaveLength(1);
    expect((await componentRows(db, incident!.id)).map((c) => c.componentId)).toEqual([
      "contoso-edi.roles",
      "contoso-edi.storage",
    ]);

    // Healthy again: it stays open for the quiet period (5 intervals of 30 s), then resolves.
    for (let s = 240; s <= 390; s += 30) await readAll(db, s);
    expect((await pass(db, 389))!.resolved).toEqual([]);
    expect((await pass(db, 390))!.resolved).toEqual([incident!.id]);
    const [done] = await incidentRows(db);
    expect(done).toMatchObject({
      status: "resolved",
      resolvedAt: at(390),
      resolvedBy: "Standfast",
    });
    expect((await componentRows(db, incident!.id)).every((c) => !c.open)).toBe(true);
    const actions = (await readAuditRows(db)).map((a) => a.action);
    expect(actions).toEqual(["incidents.open", "incidents.join", "incidents.resolve"]);

    // The same failure back within the grouping window reopens it.
    for (const s of [420, 450, 480]) await readAll(db, s, { "contoso-edi.roles": "major_outage" });
    const again = (await pass(db, 480))!;
    expect(again.opened).toEqual([]);
    expect(await incidentRows(db)).toMatchObject([
      { id: incident!.id, status: "investigating", resolvedAt: null },
    ]);
  });

  it("a component in maintenance in progress opens no incident; maintenance starts and completes on schedule", async () => {
    const db = database.db;
    await db.insert(tables.scheduledMaintenances).values({
      id: "mnt000000001",
      title: "Storage firmware",
      status: "scheduled",
      scheduledFor: at(20),
      scheduledUntil: at(600),
      createdBy: "test",
    });
    await db
      .insert(tables.maintenanceComponents)
      .values({ maintenanceId: "mnt000000001", componentId: "contoso-edi.storage" });
    expect((await pass(db, 10))!.maintenance).toEqual([]);
    expect((await pass(db, 20))!.maintenance).toEqual([{ id: "mnt000000001", to: "in_progress" }]);
    for (let s = 30; s <= 300; s += 30)
      await readAll(db, s, { "contoso-edi.storage": "major_outage" });
    expect((await pass(db, 300))!.opened).toEqual([]);
    const [m] = await db.select().from(tables.scheduledMaintenances);
    expect(m).toMatchObject({ status: "in_progress", startedAt: at(20) });

    expect((await pass(db, 600))!.maintenance).toEqual([{ id: "mnt000000001", to: "completed" }]);
    for (let s = 330; s <= 660; s += 30)
      await readAll(db, s, { "contoso-edi.storage": "major_outage" });
    // Out of maintenance, the failure counts from its first failing reading: long past the debounce.
    const after = (await pass(db, 660))!;
    expect(after.opened).toHaveLength(1);
    expect((await incidentRows(db))[0]!.startedAt).toEqual(at(30));
  });

  it("readings that go stale are unknown: they neither open nor resolve an incident", async () => {
    const db = database.db;
    for (const s of [30, 60, 90]) await readAll(db, s, { "northwind-dev.roles": "major_outage" });
    // No reading since 90 s; at 300 s the data is stale (limit 90 s): the detector does not act on it.
    expect((await pass(db, 300))!.opened).toEqual([]);
  });
});

describe("two instances on one PostgreSQL", () => {
  let first: TestDatabase;
  let second: Database;
  beforeEach(async () => {
    first = await openEstateDatabase("postgres");
    second = await openDatabase({ databaseUrl: first.url!, dataDir: null });
    await readAll(first.db, 0);
  });
  afterEach(async () => {
    await second.close();
    await first.close();
  });

  it("judging the same readings at the same moment, they open exactly one incident", async () => {
    for (const s of [30, 60, 90])
      await readAll(first.db, s, {
        "fabrikam-b2b.roles": "major_outage",
        "fabrikam-b2b.storage": "partial_outage",
      });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => pass(i % 2 ? first.db : second.db, 90 + i)),
    );
    expect(results.flatMap((r) => r?.opened ?? [])).toHaveLength(1);
    expect(await incidentRows(first.db)).toHaveLength(1);
    const open = await first.db
      .select()
      .from(tables.incidentComponents)
      .where(eq(tables.incidentComponents.open, true));
    expect(open.map((o) => o.componentId).sort()).toEqual([
      "fabrikam-b2b.roles",
      "fabrikam-b2b.storage",
    ]);
  });

  it("the store itself refuses a second open incident for a component", async () => {
    const insert = (db: typeof first.db, id: string) =>
      db.transaction(async (tx) => {
        await tx.insert(tables.incidents).values({
          id,
          title: "x",
          status: "investigating",
          impact: "major",
          origin: "detected",
          startedAt: at(0),
          createdBy: "test",
        });
        await tx.insert(tables.incidentComponents).values({
          incidentId: id,
          componentId: "fabrikam-b2b.roles",
          addedBy: "test",
          worstStatus: "major_outage",
          lastStatus: "major_outage",
        });
      });
    const outcomes = await Promise.allSettled([
      insert(first.db, "aaaaaaaaaaa1"),
      insert(second.db, "aaaaaaaaaaa2"),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await incidentRows(first.db)).toHaveLength(1);
  });
});
