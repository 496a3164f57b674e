import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installStores } from "../backups";
import { ENGINES } from "../../testing/db";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { backedUp, restoreInput } from "../../testing/restores";
import { getRestore, listRestores } from ".";
import { requestRestore, type RestoreDeps } from "./requests";
import { RestoreWorker } from "./worker";

describe.each(ENGINES)("the list of restores on %s", (engine) => {
  let f: BackupFixture;
  let deps: RestoreDeps;
  beforeEach(async () => {
    f = await backupFixture(engine);
    installStores(f.stores);
    deps = { stores: f.stores, regionStatus: async () => "operational" };
  });
  afterEach(() => f.close());

  it("shows each restore as its own page does: backup, source, target state and checked items", async () => {
    const backup = await backedUp(f);
    const done = await requestRestore(f.ctx("operator"), restoreInput(backup.id), deps);
    await new RestoreWorker({ db: f.db, stores: f.stores }).pass();
    const queued = await requestRestore(
      f.ctx("operator"),
      restoreInput(backup.id, {
        target: "contoso-dr2",
        confirm: "contoso-dr2",
        trackingDatabase: "contoso-dr2-tracking",
        storage: "contosodr2store",
      }),
      deps,
    );
    const list = await listRestores(50, f.db);
    expect(list.map((r) => r.id)).toEqual([queued.id, done.id]);
    for (const view of list) {
      const one = await getRestore(view.id, f.db);
      expect({ ...view, asOf: null }).toEqual({ ...one, asOf: null });
    }
    expect(list[1]).toMatchObject({
      backupName: backup.name,
      sourceService: backup.serviceId,
      targetState: "suspended",
    });
    expect(list[1]!.checks.map((c) => c.id)).toEqual(["automated-backups", "storage-replication"]);
    expect(list[0]).toMatchObject({ status: "queued", targetState: null });
    expect(await listRestores(1, f.db)).toHaveLength(1);
  });
});
