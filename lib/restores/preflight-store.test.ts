/**
 * The pre-flight asks of the backup store what a restore needs of it: that it gives the archive.
 * Reading the archive is the store check, so the checks write nothing to the store.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../../testing/db";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { backedUp, refusal, restoreCounts, restoreInput } from "../../testing/restores";
import { checkRestore, requestRestore, type RestoreDeps } from "./requests";

describe.each(ENGINES)("the pre-flight's store and archive checks on %s", (engine) => {
  let f: BackupFixture;
  let deps: RestoreDeps;
  beforeEach(async () => {
    f = await backupFixture(engine);
    deps = { stores: f.stores, regionStatus: async () => "operational" };
  });
  afterEach(() => f.close());

  const checks = async (backupId: string) => {
    const { confirm: _c, idempotencyKey: _k, ...target } = restoreInput(backupId);
    return Object.fromEntries(
      (await checkRestore(f.ctx("operator"), target, deps)).checks
        .filter((c) => c.id === "store" || c.id === "archive")
        .map((c) => [c.id, { ok: c.ok, detail: c.detail }]),
    );
  };
  /** The region folder's entries and modification time: any file made or removed changes it. */
  const folderState = (region: string) => {
    const dir = path.join(f.root, region);
    return {
      entries: fs.readdirSync(dir).sort(),
      mtimeNs: fs.statSync(dir, { bigint: true }).mtimeNs,
    };
  };

  it("pass by reading the archive, and write nothing to the store", async () => {
    const backup = await backedUp(f);
    const before = folderState(backup.region);
    expect(await checks(backup.id)).toEqual({
      archive: { ok: true, detail: expect.stringMatching(/verified: checksum matches/) },
      store: { ok: true, detail: expect.stringMatching(/answers for/) },
    });
    await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
    expect(folderState(backup.region)).toEqual(before);
  });

  it("say the store answered but the archive is missing when it is gone", async () => {
    const backup = await backedUp(f);
    fs.rmSync(path.join(f.root, backup.region, `${backup.name}.sfbackup`));
    expect(await checks(backup.id)).toEqual({
      archive: { ok: false, detail: expect.stringMatching(/is missing from/) },
      store: { ok: true, detail: expect.stringMatching(/answers for/) },
    });
  });

  it("fail both, saying why, when the store cannot be read, and a request is refused changing nothing", async () => {
    const backup = await backedUp(f);
    const dir = path.join(f.root, backup.region);
    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, "not a folder");
    const found = await checks(backup.id);
    expect(found.store).toEqual({
      ok: false,
      detail: expect.stringMatching(/could not read the archive/),
    });
    expect(found.archive).toEqual(found.store);
    const counts = await restoreCounts(f.db);
    expect(await refusal(requestRestore(f.ctx("operator"), restoreInput(backup.id), deps))).toMatch(
      /Pre-flight checks failed: .*Backup store reachable: could not read the archive/,
    );
    expect(await restoreCounts(f.db)).toEqual(counts);
  });
});
