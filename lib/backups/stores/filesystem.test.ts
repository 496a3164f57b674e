import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  decodeArchive,
  encodeArchiveFromJson,
  prepareArchive,
  type ManifestFields,
} from "../archive";
import { sampleArchive, storeContract } from "../../../testing/backup-store-contract";
import { FilesystemStore } from "./filesystem";
import { describeFsError, STALE_TEMP_MS } from "./fs-errors";
import { StoreError, type BackupStore } from "./types";

const base = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-fs-store-"));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
let count = 0;
const freshRoot = () => fs.mkdtempSync(path.join(base, `root-${++count}-`));
const rootOf = (store: BackupStore) => (store as FilesystemStore).root;

storeContract("filesystem", {
  fresh: async () => new FilesystemStore({ id: "local", root: freshRoot(), chunkSize: 64 * 1024 }),
  unreachable: async () => {
    const file = path.join(base, `not-a-folder-${++count}`);
    fs.writeFileSync(file, "a file where the root should be");
    return new FilesystemStore({ id: "local", root: file });
  },
  visible: async (store, region) => {
    const dir = path.join(rootOf(store), region);
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  },
  plant: async (store, region, name, bytes) => {
    fs.mkdirSync(path.join(rootOf(store), region), { recursive: true });
    fs.writeFileSync(store.locate(region, name), bytes);
  },
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: StoreError) => error,
  );

const fields = (name: string): ManifestFields => ({
  name,
  service: "contoso-edi",
  edition: "premium",
  units: 1,
  region: "westeurope",
  productVersion: "2.4.1",
  createdAt: "2026-11-24T18:45:00.000Z",
  trigger: "on-demand",
  contents: {},
});
const json = Buffer.from(
  JSON.stringify({
    partners: ["Fabrikam ↔ Contoso"],
    assemblies: [{ name: "a.dll", contentBase64: randomBytes(600 * 1024).toString("base64") }],
  }),
);

describe("filesystem store, archives hashed while written", () => {
  it("writes the archive encodeArchiveFromJson would have made, header last, with progress", async () => {
    const store = new FilesystemStore({ id: "local", root: freshRoot(), chunkSize: 64 * 1024 });
    const pending = prepareArchive(fields("pending"), { json });
    const calls: [number, number][] = [];
    const written = await store.write("westeurope", "pending", pending, {
      onProgress: (w, t) => calls.push([w, t]),
    });
    const expected = encodeArchiveFromJson(fields("pending"), json);
    expect(written).toEqual({
      size: expected.bytes.length,
      location: store.locate("westeurope", "pending"),
    });
    expect(pending.seal().manifest).toEqual(expected.manifest);
    const back = await store.read("westeurope", "pending");
    expect(back.equals(expected.bytes)).toBe(true);
    expect(decodeArchive(back).configuration).toEqual(JSON.parse(json.toString("utf8")));
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.every(([, total]) => total === pending.size)).toBe(true);
    expect(calls[0]![0]).toBeGreaterThan(0);
    expect(calls.every(([w], k) => k === 0 || w > calls[k - 1]![0])).toBe(true);
    expect(calls.at(-1)).toEqual([pending.size, pending.size]);
    expect(fs.readdirSync(path.join(store.root, "westeurope"))).toEqual(["pending.sfbackup"]);
  });

  it("leaves nothing when aborted midway, and the same archive can be written again", async () => {
    const store = new FilesystemStore({ id: "local", root: freshRoot(), chunkSize: 64 * 1024 });
    const pending = prepareArchive(fields("again"), { json });
    const controller = new AbortController();
    const outcome = await store
      .write("westeurope", "again", pending, {
        signal: controller.signal,
        onProgress: () => controller.abort(new Error("operator cancelled")),
      })
      .then(
        () => "written",
        (error: Error) => `${error.name}: ${error.message}`,
      );
    expect(outcome).toBe("AbortError: writing again was cancelled: operator cancelled");
    expect(fs.readdirSync(path.join(store.root, "westeurope"))).toEqual([]);
    expect(pending.sealed).toBe(false);
    await store.write("westeurope", "again", pending);
    const back = await store.read("westeurope", "again");
    expect(back.equals(encodeArchiveFromJson(fields("again"), json).bytes)).toBe(true);
  });

  it("writes an archive already sealed as it is", async () => {
    const store = new FilesystemStore({ id: "local", root: freshRoot() });
    const pending = prepareArchive(fields("sealed"), { json });
    const { bytes } = pending.seal();
    await store.write("westeurope", "sealed", pending);
    expect((await store.read("westeurope", "sealed")).equals(bytes)).toBe(true);
  });

  it("refuses to overwrite before writing anything, then lets the archive go elsewhere", async () => {
    const store = new FilesystemStore({ id: "local", root: freshRoot() });
    await store.write("westeurope", "taken", sampleArchive("taken", 1).bytes);
    const pending = prepareArchive(fields("taken"), { json });
    const error = await refusal(store.write("westeurope", "taken", pending));
    expect(error.code).toBe("exists");
    await store.write("northeurope", "taken", pending);
    expect(decodeArchive(await store.read("northeurope", "taken")).manifest.name).toBe("taken");
  });
});

describe("filesystem store", () => {
  it("reads an archive bigger than one read call, and stops when aborted", async () => {
    const store = new FilesystemStore({ id: "local", root: freshRoot() });
    const { bytes } = sampleArchive("big", 9 * 1024); // more than the 8 MiB read chunk
    await store.write("westeurope", "big", bytes);
    expect((await store.read("westeurope", "big")).equals(bytes)).toBe(true);
    const controller = new AbortController();
    controller.abort(new Error("shutting down"));
    const error = await store.read("westeurope", "big", { signal: controller.signal }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.name).toBe("AbortError");
    expect(error?.message).toBe("reading big was cancelled: shutting down");
  });

  it("keeps <root>/<region>/<name>.sfbackup, readable by its owner only", async () => {
    const root = freshRoot();
    const store = new FilesystemStore({ id: "local", root });
    const { bytes } = sampleArchive("contoso-edi-20261124-184500z", 5);
    const { location } = await store.write("westeurope", "contoso-edi-20261124-184500z", bytes);
    expect(location).toBe(path.join(root, "westeurope", "contoso-edi-20261124-184500z.sfbackup"));
    expect(fs.readdirSync(path.join(root, "westeurope"))).toEqual([
      "contoso-edi-20261124-184500z.sfbackup",
    ]);
    expect(fs.statSync(location).mode & 0o777).toBe(0o600);
    expect(store.label).toBe("Local folder (local)");
  });

  it("never replaces an archive that appears while it is writing", async () => {
    const store = new FilesystemStore({ id: "local", root: freshRoot(), chunkSize: 64 * 1024 });
    const theirs = Buffer.from("another writer's archive");
    const outcome = await store
      .write("westeurope", "late", sampleArchive("late", 300).bytes, {
        onProgress: () => {
          const final = store.locate("westeurope", "late");
          if (!fs.existsSync(final)) fs.writeFileSync(final, theirs);
        },
      })
      .then(
        () => "written",
        (error: StoreError) => error.code,
      );
    expect(outcome).toBe("exists");
    expect((await store.read("westeurope", "late")).equals(theirs)).toBe(true);
    expect(fs.readdirSync(path.join(store.root, "westeurope"))).toEqual(["late.sfbackup"]);
  });

  it("ignores leftover temp files in listings and removes those of crashed writes", async () => {
    const root = freshRoot();
    const store = new FilesystemStore({ id: "local", root });
    await store.write("westeurope", "kept", sampleArchive("kept", 1).bytes);
    const dir = path.join(root, "westeurope");
    const crashed = path.join(dir, ".crashed.0a1b2c3d4e5f.tmp");
    const inProgress = path.join(dir, ".in-progress.0a1b2c3d4e5f.tmp");
    fs.writeFileSync(crashed, "half an archive");
    fs.writeFileSync(inProgress, "half an archive");
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    fs.utimesSync(crashed, old, old);
    fs.writeFileSync(path.join(dir, "notes.txt"), "not an archive");
    expect((await store.list("westeurope")).map((a) => a.name)).toEqual(["kept"]);
    expect(fs.existsSync(crashed)).toBe(false);
    expect(fs.existsSync(inProgress)).toBe(true);
  });

  it("lists newest first", async () => {
    const store = new FilesystemStore({ id: "local", root: freshRoot() });
    for (const name of ["older", "newer"])
      await store.write("westeurope", name, sampleArchive(name, 1).bytes);
    const then = new Date(Date.now() - 3_600_000);
    fs.utimesSync(store.locate("westeurope", "older"), then, then);
    expect((await store.list("westeurope")).map((a) => a.name)).toEqual(["newer", "older"]);
  });

  it("never creates a configured root that is missing (an unmounted disk), and says so", async () => {
    const root = path.join(freshRoot(), "mnt", "backups");
    const store = new FilesystemStore({ id: "nas", root });
    const error = await refusal(store.probe("westeurope"));
    expect(error.code).toBe("unreachable");
    expect(error.message).toBe(
      `Local folder (nas): ${root} does not exist: create it, or point the store's root at a folder that does (ENOENT)`,
    );
    expect((await refusal(store.read("westeurope", "x"))).code).toBe("unreachable");
    expect(fs.existsSync(root)).toBe(false);
  });

  it("creates the default root when it is missing", async () => {
    const root = path.join(freshRoot(), "data", "backups");
    const store = new FilesystemStore({ id: "local", root, createRoot: true });
    await store.probe("westeurope");
    expect(fs.readdirSync(path.join(root, "westeurope"))).toEqual([]);
  });

  it("says plainly when the root is a file", async () => {
    const file = path.join(freshRoot(), "backups");
    fs.writeFileSync(file, "");
    const error = await refusal(
      new FilesystemStore({ id: "local", root: file }).probe("westeurope"),
    );
    expect(error.message).toBe(
      `Local folder (local): the root ${file} is a file, not a folder: point root at a folder`,
    );
  });

  it("refuses a relative root", () => {
    expect(() => new FilesystemStore({ id: "local", root: "backups" })).toThrow(
      /root backups is not an absolute path/,
    );
  });

  it("turns operating-system errors into a reason with the path and the fix", () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(describeFsError(errno("ENOSPC"), "/srv/backups/westeurope")).toBe(
      "no space left on the disk holding /srv/backups/westeurope: free some space or use another root (ENOSPC)",
    );
    expect(describeFsError(errno("EACCES"), "/srv/backups")).toBe(
      "permission denied on /srv/backups: let the user running Standfast write there (EACCES)",
    );
    expect(describeFsError(errno("EWHATEVER"), "/srv")).toBe("/srv: EWHATEVER: raw");
  });
});
