import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tables, type Db } from "../db";
import { ENGINES, openEstateDatabase, type TestDatabase } from "../../testing/fixtures";
import { at, pass, readAll } from "../../testing/incidents";
import { lastGoodBackups } from "./last-good-backup";
import { readIncidentRecords } from "./records";
import { readIncidentTimeline } from "./timeline";
import { toIncidentView } from "./views";

async function backup(
  db: Db,
  id: string,
  name: string,
  s: number,
  extra: Partial<typeof tables.backups.$inferInsert> = {},
) {
  await db.insert(tables.backups).values({
    id,
    name,
    serviceId: "contoso-edi",
    storeId: "local",
    region: "northeurope",
    trigger: "scheduled",
    status: "succeeded",
    checksum: "verified",
    requestedAt: at(s),
    startedAt: at(s),
    finishedAt: at(s + 5),
    requestedBy: "scheduler",
    ...extra,
  });
}

describe.each(ENGINES)("incident timeline and last good backup on %s", (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openEstateDatabase(engine);
    await readAll(database.db, 0);
  });
  afterEach(async () => {
    await database.close();
  });

  it("assembles status changes, the fault, the operation and backups around the incident, with who did what", async () => {
    const db = database.db;
    // As the admin API's injection writes it, at a time of the test's clock.
    await db
      .insert(tables.apiTokens)
      .values({ id: "tok-cli", name: "CLI admin token", tokenHash: "h", role: "admin" });
    await db.insert(tables.auditLog).values({
      at: at(20),
      actorKind: "api-token",
      actorId: "tok-cli",
      action: "health.fault.inject",
      target: "contoso-edi.roles",
      input: { component: "contoso-edi.roles", status: "major_outage", for: "10m" },
      outcome: "ok",
    });
    await db.insert(tables.managementOperations).values({
      serviceId: "contoso-edi",
      kind: "ssl-update",
      summary: "SSL certificate updated",
      actorKind: "user",
      actorId: "u-admin",
      actorName: "Ada Admin",
      at: at(10),
    });
    await backup(db, "11111111-1111-4111-8111-111111111111", "contoso-edi-early", -86_400);
    await backup(db, "22222222-2222-4222-8222-222222222222", "contoso-edi-last", 5);
    await backup(db, "33333333-3333-4333-8333-333333333333", "contoso-edi-bad", 15, {
      checksum: "mismatch",
    });
    await backup(db, "44444444-4444-4444-8444-444444444444", "contoso-edi-after", 60);
    for (const s of [30, 60, 90]) await readAll(db, s, { "contoso-edi.roles": "major_outage" });
    await pass(db, 90);
    const [record] = await readIncidentRecords(db, {});
    const board = { components: {} };
    const view = toIncidentView(record!, board);
    view.components = view.components.map((c) => ({
      ...c,
      serviceIds: ["contoso-edi"],
      name: "contoso-edi role instances",
    }));
    const timeline = await readIncidentTimeline(db, view, at(100));
    const lines = timeline.map((t) => `${t.kind}|${t.who ?? ""}|${t.text}`);
    expect(lines).toEqual([
      "status||contoso-edi role instances: operational",
      "backup|scheduler|Backup contoso-edi-last of contoso-edi (scheduled): succeeded",
      "operation|Ada Admin|contoso-edi: SSL certificate updated",
      "backup|scheduler|Backup contoso-edi-bad of contoso-edi (scheduled): succeeded",
      "fault|CLI admin token|Fault injected into contoso-edi role instances: major outage for 10m",
      "status||contoso-edi role instances: operational → major outage (test: major_outage)",
      "backup|scheduler|Backup contoso-edi-after of contoso-edi (scheduled): succeeded",
      expect.stringMatching(/^update\|Standfast\|Investigating: Standfast detected a problem/),
    ]);

    // Started at 30 s: the last good backup before it is the one at 5 s (15 s failed its checksum).
    expect(
      await lastGoodBackups(db, ["contoso-edi", "northwind-dev"], new Date(record!.startedAt)),
    ).toEqual([
      {
        serviceId: "contoso-edi",
        backup: {
          id: "22222222-2222-4222-8222-222222222222",
          name: "contoso-edi-last",
          takenAt: at(5).toISOString(),
          region: "northeurope",
        },
      },
      { serviceId: "northwind-dev", backup: null },
    ]);
  });
});
