import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfiguration } from "../control-plane";
import { tables } from "../db";
import { ENGINES } from "../../testing/db";
import { isDomainError } from "../errors";
import { decodeArchive } from "./archive";
import { getBackup, listBackups } from "./queries";
import { storesOf } from "./registry";
import { requestBackup } from "./requests";
import { verifyBackup } from "./verify";
import { claimNext, reapStale } from "./runner";
import { createStore } from "./stores";
import {
  auditRows,
  backupFixture,
  tamperArchive,
  writeCounts,
  type BackupFixture,
} from "../../testing/backups";
import { BackupWorker } from "./worker";

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return `${error.kind}: ${error.message}`;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe.each(ENGINES)("backups on %s", (engine) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture(engine);
  });
  afterEach(() => f.close());
  const worker = () => new BackupWorker({ db: f.db, stores: f.stores });

  it("an operator's backup is archived, verified, and reads back as the same configuration", async () => {
    const queued = await requestBackup(
      f.ctx("operator"),
      { service: "contoso-edi", region: "northeurope" },
      { stores: f.stores },
    );
    expect(queued).toMatchObject({ status: "queued", trigger: "on-demand", region: "northeurope" });
    expect(queued.name).toMatch(/^contoso-edi-\d{8}-\d{6}z$/);
    expect(await worker().pass()).toBe(1);

    const detail = (await getBackup(f.db, queued.id, f.stores))!;
    expect(detail).toMatchObject({ status: "succeeded", checksum: "verified", progress: null });
    expect(detail.sizeBytes).toBeGreaterThan(4_000_000);
    expect(detail.manifest).toMatchObject({ service: "contoso-edi", edition: "premium", units: 2 });
    expect(detail.notIncluded.join(" ")).toMatch(/hybrid connections/);
    expect(detail.log.map((l) => l.message).join("\n")).toMatch(/read back and verified/);

    const file = path.join(f.root, "northeurope", `${queued.name}.sfbackup`);
    const { manifest, configuration } = decodeArchive(fs.readFileSync(file));
    expect(manifest.payload.sha256).toBe(detail.sha256);
    expect(configuration).toEqual((await readConfiguration(f.db, "contoso-edi"))!.configuration);
    expect((await auditRows(f.db, "backups.request"))[0]).toMatchObject({ outcome: "ok" });
  });

  it("refuses anonymous callers and viewers, changing nothing and auditing the refusal", async () => {
    const before = await writeCounts(f.db);
    const input = { service: "contoso-edi" };
    expect(await refusal(requestBackup(f.ctx(null), input, { stores: f.stores }))).toMatch(
      /^unauthorized: .*needs the operator role/,
    );
    expect(await refusal(requestBackup(f.ctx("viewer"), input, { stores: f.stores }))).toMatch(
      /^forbidden: Taking a backup needs the operator role; viewer has viewer/,
    );
    expect(await writeCounts(f.db)).toEqual(before);
    expect((await auditRows(f.db, "backups.request")).map((r) => r.outcome)).toEqual([
      "refused",
      "refused",
    ]);
  });

  it("refuses bad input with what is wrong and how to fix it, changing nothing", async () => {
    const before = await writeCounts(f.db);
    const ask = (raw: unknown) =>
      refusal(requestBackup(f.ctx("operator"), raw, { stores: f.stores }));
    expect(await ask({ service: "nope" })).toMatch(/^not_found: Service "nope"/);
    expect(await ask({ service: "contoso-edi", region: "mars" })).toMatch(
      /region: "mars" is not a region of this estate; choose one of westeurope, northeurope/,
    );
    expect(await ask({ service: "contoso-edi", store: "s3" })).toMatch(
      /no backup store "s3"; choose one of local/,
    );
    expect(await ask({ service: "contoso-edi", name: "../etc/passwd" })).toMatch(
      /^validation: .*name: use 1 to 100 lower-case/,
    );
    expect(await ask({ service: "contoso-edi", colour: "red" })).toMatch(/colour: unknown field/);
    expect(await ask("contoso-edi")).toMatch(/^validation:/);
    expect(await ask({ service: "northwind-dev" })).toMatch(
      /developer edition, which cannot be backed up/,
    );
    await f.db
      .update(tables.services)
      .set({ state: "restoring" })
      .where(eq(tables.services.id, "fabrikam-b2b"));
    expect(await ask({ service: "fabrikam-b2b" })).toMatch(
      /^invalid_state: Backups are not allowed in state restoring/,
    );
    expect(await writeCounts(f.db)).toEqual(before);
  });

  it("a name already taken in that store and region is a conflict", async () => {
    const raw = { service: "fabrikam-eai", name: "before-upgrade" };
    await requestBackup(f.ctx("operator"), raw, { stores: f.stores });
    expect(await refusal(requestBackup(f.ctx("operator"), raw, { stores: f.stores }))).toMatch(
      /^conflict: A backup named before-upgrade already exists/,
    );
  });

  it("a corrupted or truncated archive is refused on read and marked in the history", async () => {
    const { id, name } = await requestBackup(
      f.ctx("operator"),
      { service: "fabrikam-b2b" },
      { stores: f.stores },
    );
    await worker().pass();
    const file = path.join(f.root, "eastus", `${name}.sfbackup`);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const result = await verifyBackup(f.ctx("operator"), id, { stores: f.stores });
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/SHA-256 does not match/);
    expect((await getBackup(f.db, id, f.stores))!.checksum).toBe("corrupted");
    const page = await listBackups(f.db, { page: 1, pageSize: 10 }, f.stores);
    expect(page.rows.find((r) => r.id === id)?.checksum).toBe("corrupted");

    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1000));
    expect((await verifyBackup(f.ctx("operator"), id, { stores: f.stores })).message).toMatch(
      /truncated archive/,
    );
    fs.rmSync(file);
    expect((await verifyBackup(f.ctx("operator"), id, { stores: f.stores })).message).toMatch(
      /missing/,
    );
    expect((await getBackup(f.db, id, f.stores))!.checksum).toBe("missing");
  });

  it("verify returns the verdict only, never the archive or its secrets", async () => {
    const { id } = await requestBackup(
      f.ctx("operator"),
      { service: "contoso-edi" },
      { stores: f.stores },
    );
    await worker().pass();
    const result = await verifyBackup(f.ctx("operator"), id, { stores: f.stores });
    expect(Object.keys(result).sort()).toEqual(["message", "ok"]);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/AccountKey|Password=/);
  });

  it("an archive rewritten with a self-consistent manifest is refused by verify and marked corrupted", async () => {
    const { id, name } = await requestBackup(
      f.ctx("operator"),
      { service: "fabrikam-b2b" },
      { stores: f.stores },
    );
    await worker().pass();
    const file = path.join(f.root, "eastus", `${name}.sfbackup`);
    tamperArchive(file, (c) => void (c.agreements = []));
    expect(() => decodeArchive(fs.readFileSync(file))).not.toThrow();
    const result = await verifyBackup(f.ctx("operator"), id, { stores: f.stores });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/recorded when it was taken/);
    expect((await getBackup(f.db, id, f.stores))!.checksum).toBe("corrupted");
    expect((await auditRows(f.db, "backups.verify")).at(-1)).toMatchObject({ outcome: "failed" });
  });

  it("an unreachable store gives a failed backup with the reason, not a crash", async () => {
    const blocker = path.join(f.root, "not-a-folder");
    fs.writeFileSync(blocker, "a file where the store's folder should be");
    const broken = storesOf([
      createStore({ id: "local", kind: "filesystem", root: blocker }, { dataDir: f.root }),
    ]);
    const { id } = await requestBackup(
      f.ctx("operator"),
      { service: "fabrikam-b2b" },
      { stores: broken },
    );
    await new BackupWorker({ db: f.db, stores: broken }).pass();
    const detail = (await getBackup(f.db, id, broken))!;
    expect(detail.status).toBe("failed");
    expect(detail.error).toMatch(/is a file, not a folder/);
    // Viewers read it: the store's name, not the server's folder (that is in the server log).
    expect(detail.error).not.toContain(f.root);
    expect(detail.log.at(-1)).toMatchObject({ level: "error" });
  });

  it("a backup whose worker died is failed with that reason, never left running", async () => {
    const { id } = await requestBackup(
      f.ctx("operator"),
      { service: "fabrikam-b2b" },
      { stores: f.stores },
    );
    const claimed = await claimNext(f.db, "worker-that-dies");
    expect(claimed?.id).toBe(id);
    expect(await reapStale(f.db, 120_000, new Date(Date.now() + 60_000))).toBe(0);
    expect(await reapStale(f.db, 120_000, new Date(Date.now() + 180_000))).toBe(1);
    const detail = (await getBackup(f.db, id, f.stores))!;
    expect(detail).toMatchObject({
      status: "failed",
      error: "the worker running this backup stopped",
    });
  });

  it("filters and pages the history", async () => {
    for (const service of ["contoso-edi", "fabrikam-b2b", "fabrikam-eai"])
      await requestBackup(f.ctx("operator"), { service }, { stores: f.stores });
    await worker().pass();
    const all = await listBackups(f.db, { page: 1, pageSize: 2 }, f.stores);
    expect(all).toMatchObject({ total: 3, pages: 2 });
    expect(all.rows).toHaveLength(2);
    const one = await listBackups(
      f.db,
      { service: "fabrikam-eai", page: 1, pageSize: 25 },
      f.stores,
    );
    expect(one.rows.map((r) => r.serviceId)).toEqual(["fabrikam-eai"]);
    const none = await listBackups(f.db, { status: "failed", page: 1, pageSize: 25 }, f.stores);
    expect(none.total).toBe(0);
  });
});
