import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installStores } from "@/lib/backups";
import { getBoard, invalidateSnapshot } from "@/lib/health";
import { checkRestore, requestRestore } from "@/lib/restores";
import { backupFixture, type BackupFixture } from "@/testing/backups";
import { ENGINES, markPollerRunning, recordStatuses } from "@/testing/fixtures";
import { backedUp, refusal, restoreCounts } from "@/testing/restores";
import { regionOptions } from "@/components/restores/region-options";
import { checkFromForm, requestFromForm } from "./form-input";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

const fields = (backupId: string, over: Record<string, string> = {}) => ({
  backupId,
  target: " contoso-dr ",
  region: "northeurope",
  edition: "premium",
  trackingDatabase: "contoso-dr-tracking",
  storage: "contosodrstore",
  confirm: "contoso-dr",
  idempotencyKey: "form-key-0001",
  $ACTION_ID_0123: "",
  ...over,
});

describe("restore form fields to the verbs' raw input", () => {
  it("the check gets the six target fields, trimmed, and nothing else; missing ones are empty", () => {
    expect(checkFromForm(form({ target: " x ", confirm: "x", colour: "red" }))).toEqual({
      backupId: "",
      target: "x",
      region: "",
      edition: "",
      trackingDatabase: "",
      storage: "",
    });
  });

  it("the request adds the typed confirmation and the form's idempotency key", () => {
    const raw = requestFromForm(form(fields("b")));
    expect(raw).toMatchObject({ target: "contoso-dr", confirm: "contoso-dr" });
    expect(raw.idempotencyKey).toBe("form-key-0001");
    expect(Object.keys(raw).sort()).toEqual(
      [
        "backupId",
        "confirm",
        "edition",
        "idempotencyKey",
        "region",
        "storage",
        "target",
        "trackingDatabase",
      ].sort(),
    );
  });
});

describe.each(ENGINES)("the restore form against the real verbs on %s", (engine) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture(engine);
    installStores(f.stores);
    invalidateSnapshot();
  });
  afterEach(async () => {
    invalidateSnapshot();
    await f.close();
  });
  const allOperational = async () => {
    const board = await getBoard(f.db);
    await recordStatuses(
      f.db,
      Object.keys(board.components).map((id) => ({ id, status: "operational" as const })),
    );
    await markPollerRunning(f.db);
    invalidateSnapshot();
  };

  it("a region with no fresh reading is unknown, and the check and the request both refuse it", async () => {
    const backup = await backedUp(f);
    const east = fields(backup.id, { region: "eastus" });
    const check = await checkRestore(f.ctx("operator"), checkFromForm(form(east)));
    expect(check.ok).toBe(false);
    expect(check.checks.find((c) => c.id === "region")).toMatchObject({
      ok: false,
      detail: "eastus is unknown: restore into a healthy region",
    });
    const before = await restoreCounts(f.db);
    expect(await refusal(requestRestore(f.ctx("operator"), requestFromForm(form(east))))).toMatch(
      /^invalid_state: Pre-flight checks failed: Target region healthy/,
    );
    expect(await restoreCounts(f.db)).toEqual(before);
  });

  it("an operator's checked form restores once, however often it is sent; a viewer's changes nothing", async () => {
    const backup = await backedUp(f);
    await allOperational();
    const east = (over: Record<string, string> = {}) =>
      form(fields(backup.id, { region: "eastus", ...over }));
    const check = await checkRestore(f.ctx("operator"), checkFromForm(east()));
    expect(check.checks.filter((c) => !c.ok)).toEqual([]);

    const before = await restoreCounts(f.db);
    expect(await refusal(requestRestore(f.ctx("viewer"), requestFromForm(east())))).toMatch(
      /^forbidden: Restoring a backup needs the operator role/,
    );
    expect(
      await refusal(
        requestRestore(f.ctx("operator"), requestFromForm(east({ confirm: "contoso" }))),
      ),
    ).toMatch(/type the target name "contoso-dr"/);
    expect(await restoreCounts(f.db)).toEqual(before);

    const same = east();
    const [a, b] = await Promise.all([
      requestRestore(f.ctx("operator"), requestFromForm(same)),
      requestRestore(f.ctx("operator"), requestFromForm(same)),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ status: "queued", target: "contoso-dr", region: "eastus" });
    expect((await restoreCounts(f.db)).restores).toBe(before.restores + 1);
  });

  it("the form shows each region as the pre-flight judges it, read or not", async () => {
    const backup = await backedUp(f);
    await recordStatuses(f.db, [
      { id: "fabrikam-b2b.roles", status: "operational" },
      { id: "fabrikam-eai.roles", status: "major_outage" },
    ]);
    await markPollerRunning(f.db);
    invalidateSnapshot();
    const options = regionOptions(await getBoard(f.db));
    expect(options.map((o) => [o.id, o.status])).toEqual([
      ["westeurope", "unknown"],
      ["northeurope", "unknown"],
      ["eastus", "operational"],
      ["westus", "major_outage"],
      ["southeastasia", "unknown"],
    ]);
    for (const option of options) {
      const check = await checkRestore(
        f.ctx("operator"),
        checkFromForm(form(fields(backup.id, { region: option.id }))),
      );
      expect(check.checks.find((c) => c.id === "region")?.ok, option.id).toBe(option.healthy);
    }
  });
});
