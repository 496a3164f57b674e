/** The behaviour every backup store adapter must have; each adapter's test file runs it. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ArchiveError, decodeArchive, encodeArchive, verifyArchive } from "../lib/backups/archive";
import { StoreError, type BackupStore } from "../lib/backups/stores/types";

export type ContractTarget = {
  /** A working store over empty space of its own, writing in small chunks (about 64 KiB). */
  fresh(): Promise<BackupStore>;
  /** A store that cannot be used: its backend is missing or not answering. */
  unreachable(): Promise<BackupStore>;
  /** Everything a reader of the backend sees in the region (files in the folder, committed blobs). */
  visible(store: BackupStore, region: string): Promise<string[]>;
  /** Puts bytes under the archive's final name behind the store's back. */
  plant(store: BackupStore, region: string, name: string, bytes: Buffer): Promise<void>;
};

const REGION = "westeurope";

/** A real archive of a configuration big enough to span many chunks. */
export function sampleArchive(name = "contoso-edi-20261124-184500z", kb = 1_000) {
  return encodeArchive(
    {
      name,
      service: "contoso-edi",
      edition: "premium",
      units: 1,
      region: REGION,
      productVersion: "2.4.1",
      createdAt: "2026-11-24T18:45:00.000Z",
      trigger: "on-demand",
      contents: { assemblies: 1 },
    },
    { assemblies: [{ name: "a.dll", contentBase64: randomBytes(kb * 1024).toString("base64") }] },
  );
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error("expected the store to refuse, but it accepted");
}

export function storeContract(kind: string, target: ContractTarget) {
  describe(`${kind} store contract`, () => {
    it("reads back exactly the bytes written, and lists the archive with its size", async () => {
      const store = await target.fresh();
      const { bytes, manifest } = sampleArchive();
      const written = await store.write(REGION, manifest.name, bytes);
      expect(written).toEqual({
        size: bytes.length,
        location: store.locate(REGION, manifest.name),
      });
      const back = await store.read(REGION, manifest.name);
      expect(back.equals(bytes)).toBe(true);
      expect(decodeArchive(back).manifest).toEqual(manifest);
      const listed = await store.list(REGION);
      expect(listed.map(({ name, size }) => ({ name, size }))).toEqual([
        { name: manifest.name, size: bytes.length },
      ]);
      expect(listed[0]!.modifiedAt).toBeInstanceOf(Date);
      expect(await store.list("northeurope")).toEqual([]);
    });

    it("refuses to overwrite an archive and leaves the original intact", async () => {
      const store = await target.fresh();
      const first = sampleArchive("contoso-edi-1", 100);
      const second = sampleArchive("contoso-edi-1", 120);
      await store.write(REGION, "contoso-edi-1", first.bytes);
      const error = await refusal(store.write(REGION, "contoso-edi-1", second.bytes));
      expect(error.code).toBe("exists");
      expect(error.message).toMatch(
        /contoso-edi-1 already exists in region westeurope.*choose another name/,
      );
      expect((await store.read(REGION, "contoso-edi-1")).equals(first.bytes)).toBe(true);
    });

    it("lets exactly one of two simultaneous writes of a name win, whole", async () => {
      const store = await target.fresh();
      const a = sampleArchive("race", 300).bytes;
      const b = sampleArchive("race", 310).bytes;
      const results = await Promise.allSettled([
        store.write(REGION, "race", a),
        store.write(REGION, "race", b),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((lost.reason as StoreError).code).toBe("exists");
      const back = await store.read(REGION, "race");
      expect(back.equals(results[0]!.status === "fulfilled" ? a : b)).toBe(true);
    });

    it("reports progress in chunks up to the total", async () => {
      const store = await target.fresh();
      const { bytes } = sampleArchive("progress", 500);
      const calls: [number, number][] = [];
      await store.write(REGION, "progress", bytes, { onProgress: (w, t) => calls.push([w, t]) });
      expect(calls.length).toBeGreaterThan(2);
      expect(calls.every(([, total]) => total === bytes.length)).toBe(true);
      expect(calls.map(([w]) => w)).toEqual([...calls.map(([w]) => w)].sort((x, y) => x - y));
      expect(calls.at(-1)).toEqual([bytes.length, bytes.length]);
    });

    it("leaves nothing under the final name when a write is aborted midway", async () => {
      const store = await target.fresh();
      const { bytes } = sampleArchive("aborted", 800);
      const controller = new AbortController();
      let reports = 0;
      const outcome = await store
        .write(REGION, "aborted", bytes, {
          signal: controller.signal,
          onProgress: () => {
            if (++reports === 1) controller.abort(new Error("operator cancelled"));
          },
        })
        .then(
          () => "written",
          (error: Error) => error.name,
        );
      expect(outcome).toBe("AbortError");
      expect(await target.visible(store, REGION)).toEqual([]);
      expect(await store.list(REGION)).toEqual([]);
      expect((await refusal(store.read(REGION, "aborted"))).code).toBe("not-found");
      // Nothing left behind blocks a later write of the same name.
      await store.write(REGION, "aborted", bytes);
      expect((await store.read(REGION, "aborted")).equals(bytes)).toBe(true);
    });

    it("refuses names and regions that could escape or make odd names, and writes nothing", async () => {
      const store = await target.fresh();
      const { bytes } = sampleArchive("ok", 1);
      const bad = [
        "../etc",
        "a/b",
        "a\\b",
        "Contoso",
        "",
        "-x",
        "a.b",
        "a b",
        "ü",
        "x".repeat(101),
      ];
      for (const value of bad) {
        const attempts: (() => Promise<unknown>)[] = [
          () => store.write(value, "ok", bytes),
          () => store.write(REGION, value, bytes),
          () => store.read(REGION, value),
          () => store.read(value, "ok"),
          () => store.list(value),
          () => store.remove(REGION, value),
          () => store.probe(value),
        ];
        for (const attempt of attempts) {
          const error = await refusal(Promise.resolve().then(attempt));
          expect(error.code).toBe("invalid");
          expect(error.message).toMatch(
            /lower-case letters, digits and hyphens|at most 100|missing/,
          );
        }
        expect(() => store.locate(REGION, value)).toThrow(StoreError);
      }
      expect(await store.list(REGION)).toEqual([]);
    });

    it("removes an archive; removing it again is not an error", async () => {
      const store = await target.fresh();
      const { bytes } = sampleArchive("removed", 10);
      await store.write(REGION, "removed", bytes);
      await store.write(REGION, "kept", bytes);
      await store.remove(REGION, "removed");
      expect((await store.list(REGION)).map((a) => a.name)).toEqual(["kept"]);
      expect((await refusal(store.read(REGION, "removed"))).code).toBe("not-found");
      await store.remove(REGION, "removed");
      await store.remove("never-used", "removed");
    });

    it("says not-found for an archive that is not there", async () => {
      const store = await target.fresh();
      const error = await refusal(store.read(REGION, "missing"));
      expect(error.code).toBe("not-found");
      expect(error.message).toMatch(/no archive missing in region westeurope/);
    });

    it("probes a usable store without error", async () => {
      const store = await target.fresh();
      await store.probe(REGION);
      expect(await store.list(REGION)).toEqual([]);
    });

    it("says unreachable, with the reason, when the store cannot be used", async () => {
      const store = await target.unreachable();
      for (const attempt of [
        () => store.probe(REGION),
        () => store.write(REGION, "x", Buffer.from("x")),
        () => store.read(REGION, "x"),
        () => store.list(REGION),
        () => store.remove(REGION, "x"),
      ]) {
        const error = await refusal(attempt());
        expect(error.code).toBe("unreachable");
        expect(error.message).toContain(store.label);
      }
    });

    it("returns a damaged archive as stored; verifyArchive is what refuses it", async () => {
      const store = await target.fresh();
      const { bytes } = sampleArchive("truncated", 200);
      const cut = bytes.subarray(0, bytes.length - 1_000);
      await target.plant(store, REGION, "truncated", cut);
      const back = await store.read(REGION, "truncated");
      expect(back.equals(cut)).toBe(true);
      expect(() => verifyArchive(back)).toThrow(ArchiveError);
      expect(() => verifyArchive(back)).toThrow(
        /^truncated archive: \d+ of \d+ payload bytes present$/,
      );
    });
  });
}
