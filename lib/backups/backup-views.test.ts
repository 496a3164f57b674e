import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tables } from "../db";
import { ENGINES } from "../../testing/db";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { getBackup, listBackups, serviceBackups, storeOptions } from "./queries";
import { storesOf, type Stores } from "./registry";
import { requestBackup } from "./requests";
import { createStore } from "./stores";
import { BackupWorker } from "./worker";

describe.each(ENGINES)("what viewers see of a backup's place, on %s", (engine) => {
  let f: BackupFixture;
  let dataDir: string;
  /** The default store: a folder in the data folder, labelled with its path. */
  let stores: Stores;
  beforeEach(async () => {
    f = await backupFixture(engine);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-views-"));
    stores = storesOf([createStore(undefined, { dataDir })]);
  });
  afterEach(async () => {
    await f.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function takeBackup() {
    const { id } = await requestBackup(
      f.ctx("operator"),
      { service: "fabrikam-eai", region: "northeurope" },
      { stores },
    );
    expect(await new BackupWorker({ db: f.db, stores }).pass()).toBe(1);
    return id;
  }

  it("the store and region, never the archive's file path: detail, log, list, service view, store options", async () => {
    const id = await takeBackup();
    const detail = (await getBackup(f.db, id, stores))!;
    expect(detail).toMatchObject({
      status: "succeeded",
      storeId: "local",
      storeLabel: "Local folder (local)",
      region: "northeurope",
      regionName: "North Europe",
    });
    expect(detail).not.toHaveProperty("location");
    expect(detail.log.map((l) => l.message)).toContain(
      "written to store local, region northeurope",
    );
    const views = [
      detail,
      await listBackups(f.db, { page: 1, pageSize: 25 }, stores),
      await serviceBackups(f.db, "fabrikam-eai", stores),
      await storeOptions(f.db, stores),
    ];
    for (const view of views) {
      expect(JSON.stringify(view)).not.toContain(dataDir);
      expect(JSON.stringify(view)).not.toContain(".sfbackup");
    }
    // The archive is where it always was: only what people see changed.
    const [row] = await f.db.select().from(tables.backups).where(eq(tables.backups.id, id));
    expect(row!.location).toBe(
      path.join(dataDir, "backups", "northeurope", `${row!.name}.sfbackup`),
    );
  });

  it("messages that name a server folder or quote a secret (older logs, a store's failure) show the store instead", async () => {
    const id = await takeBackup();
    const [row] = await f.db.select().from(tables.backups).where(eq(tables.backups.id, id));
    const root = path.join(dataDir, "backups");
    const at = new Date().toISOString();
    await f.db
      .update(tables.backups)
      .set({
        error: `folder ${root}: ${root}/northeurope does not exist (ENOENT); was AccountKey=c2VjcmV0a2V5`,
        log: [
          { at, level: "info", message: `written to ${row!.location}` },
          { at, level: "error", message: `failed: permission denied on ${root}/northeurope` },
        ],
      })
      .where(eq(tables.backups.id, id));
    const detail = (await getBackup(f.db, id, stores))!;
    expect(detail.log.map((l) => l.message)).toEqual([
      "written to Local folder (local), North Europe",
      "failed: permission denied on Local folder (local)/northeurope",
    ]);
    expect(detail.error).toBe(
      "Local folder (local): Local folder (local)/northeurope does not exist (ENOENT); was AccountKey=[redacted]",
    );
    const listed = await listBackups(f.db, { page: 1, pageSize: 25 }, stores);
    expect(listed.rows.find((r) => r.id === id)!.error).toBe(detail.error);
  });
});
