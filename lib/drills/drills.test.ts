import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getControlPlane } from "../control-plane";
import { tables } from "../db";
import { ENGINES } from "../../testing/db";
import { readEstate } from "../estate/read";
import { getSnapshot } from "../health/snapshot";
import { statusDocument } from "../statuspage";
import { auditRows, backupFixture, tamperArchive, type BackupFixture } from "../../testing/backups";
import { backedUp } from "../../testing/restores";
import { requestDrill } from "./requests";
import { reapDrills, type DrillStepHook } from "./runner";
import { DrillWorker } from "./worker";

const { drills, drillSandboxes } = tables;

describe.each(ENGINES)("restore drills on %s", (engine) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture(engine);
  });
  afterEach(() => f.close());
  const run = (beforeStep?: DrillStepHook) =>
    new DrillWorker({ db: f.db, stores: f.stores, beforeStep }).pass();
  const drillRow = async (id: string) =>
    (await f.db.select().from(drills).where(eq(drills.id, id)))[0]!;
  const sandboxes = () => f.db.select().from(drillSandboxes);

  it("restores the backup into a sandbox, finds its SHA-256 equal, records the RTO, removes the sandbox", async () => {
    const backup = await backedUp(f);
    const drill = await requestDrill(f.ctx("operator"), "contoso-edi", {});
    expect(drill).toMatchObject({ status: "queued", backupId: backup.id, trigger: "operator" });
    expect(drill.sandbox).toMatch(/^drill-[0-9a-f]{8}$/);
    expect(await run()).toBe(1);

    const done = await drillRow(drill.id);
    expect(done.status).toBe("succeeded");
    expect(done.reason).toMatch(/equals the backup's payload/);
    expect(done.expectedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(done.restoredHash).toBe(done.expectedHash);
    expect(done.rtoMs).toBe(done.readyAt!.getTime() - done.requestedAt.getTime());
    expect(done.rtoMs).toBeGreaterThanOrEqual(0);
    expect(await sandboxes()).toEqual([]);
    expect((await auditRows(f.db, "drills.request")).map((r) => r.outcome)).toEqual(["ok"]);
    expect((await auditRows(f.db, "drills.complete")).map((r) => r.outcome)).toEqual(["ok"]);
  });

  it("a tampered archive fails the drill with the reason, and leaves no sandbox", async () => {
    const backup = await backedUp(f);
    const [row] = await f.db.select().from(tables.backups).where(eq(tables.backups.id, backup.id));
    tamperArchive(
      path.join(f.root, row!.region, `${row!.name}.sfbackup`),
      (c) => void (c.bridges = []),
    );
    const drill = await requestDrill(f.ctx("operator"), "contoso-edi", {});
    await run();
    const done = await drillRow(drill.id);
    expect(done).toMatchObject({ status: "failed", rtoMs: null });
    expect(done.reason).toMatch(/refused: corrupted archive/);
    expect(await sandboxes()).toEqual([]);
    expect((await auditRows(f.db, "drills.complete")).map((r) => r.outcome)).toEqual(["failed"]);
  });

  it("a restored configuration that differs from the payload fails the drill on its hash", async () => {
    await backedUp(f);
    const drill = await requestDrill(f.ctx("operator"), "contoso-edi", {});
    await run(async (step, d) => {
      if (step !== "compare") return;
      // What a faulty restore would leave: the sandbox's configuration changed after the write.
      await f.db.transaction((tx) =>
        getControlPlane().applySandboxConfiguration(tx, d.sandbox, { settings: {} }),
      );
    });
    const done = await drillRow(drill.id);
    expect(done.status).toBe("failed");
    expect(done.reason).toMatch(/SHA-256 .* is not the backup's payload hash/);
    expect(done.restoredHash).not.toBe(done.expectedHash);
    expect(await sandboxes()).toEqual([]);
  });

  it("a step failing midway fails the drill and still removes its sandbox", async () => {
    await backedUp(f);
    const drill = await requestDrill(f.ctx("operator"), "contoso-edi", {});
    let seen = 0;
    await run(async (step) => {
      if (step !== "apply") return;
      seen = (await sandboxes()).length; // created, and about to be written
      throw new Error("the fabric dropped the connection");
    });
    expect(seen).toBe(1);
    const done = await drillRow(drill.id);
    expect(done).toMatchObject({ status: "failed", reason: "the fabric dropped the connection" });
    expect(await sandboxes()).toEqual([]);
  });

  it("a crashed drill's sandbox is removed by the next worker pass", async () => {
    await backedUp(f);
    const drill = await requestDrill(f.ctx("operator"), "contoso-edi", {});
    const old = new Date(Date.now() - 60_000);
    await f.db
      .update(drills)
      .set({ status: "running", workerId: "gone", heartbeatAt: old, startedAt: old })
      .where(eq(drills.id, drill.id));
    await getControlPlane().createSandbox(f.db, {
      name: drill.sandbox,
      drillId: drill.id,
      serviceId: "contoso-edi",
    });
    expect(await reapDrills(f.db, 10_000)).toBe(1);
    expect(await drillRow(drill.id)).toMatchObject({ status: "failed" });
    expect((await drillRow(drill.id)).reason).toMatch(/worker stopped/);
    expect(await sandboxes()).toEqual([]);
  });

  it("never shows the sandbox on the board, the status API or the services list, even mid-drill", async () => {
    await backedUp(f);
    const before = await readEstate(f.db);
    const drill = await requestDrill(f.ctx("operator"), "contoso-edi", {});
    let checked = false;
    await run(async (step) => {
      if (step !== "compare") return;
      expect((await sandboxes()).map((s) => s.name)).toEqual([drill.sandbox]);
      const view = (await getSnapshot(f.db, { maxAgeMs: 0, refreshMs: 1_000 })).view;
      const text = JSON.stringify([view, statusDocument(view, "http://x"), await readEstate(f.db)]);
      expect(text).not.toContain(drill.sandbox);
      const estate = await readEstate(f.db);
      expect(estate.services.map((s) => s.id)).toEqual(before.services.map((s) => s.id));
      expect(estate.components.length).toBe(before.components.length);
      checked = true;
    });
    expect(checked).toBe(true);
    expect((await drillRow(drill.id)).status).toBe("succeeded");
  });

  it("two requests at once give one drill", async () => {
    await backedUp(f);
    const [a, b] = await Promise.all([
      requestDrill(f.ctx("operator"), "contoso-edi", {}),
      requestDrill(f.ctx("operator"), "contoso-edi", {}),
    ]);
    expect(a.id).toBe(b.id);
    expect(await f.db.select().from(drills)).toHaveLength(1);
  });
});
