// Section 5: backup archives, next to plain copies and reads of the same bytes (the premium demo
// configuration's archive), in the same run on the same disk. Every run does each operation once,
// in an order that rotates; a ratio is the median over runs of the baseline's time over the
// archive's in that run, so both share the machine's noise. Warm-up runs first; never asserts.
//
// - archive write: build the archive from the configuration's JSON text already serialised (a
//   string, as the database driver returns `configuration::text`: manifest + SHA-256, hashed while
//   it is written) + the filesystem store's atomic, durable write (temp file, fsync, link, fsync
//   folder). Judged against a durable plain copy (copy to a temp name, fsync, rename, fsync the
//   folder), which is what any backup tool has to do; fs.copyFile alone (no fsync: the page cache)
//   is shown too, as are the same write hashed first and the sealed-first path.
// - archive read: store read + verify (manifest + SHA-256), against fs.readFile of the same file.
// - end to end, with the configuration's JSON encode / decode: shown, not judged.
//
// The TypeScript modules are bundled with esbuild, as scripts/build-server.mjs does.
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { median } from "./stats.mjs";

const MODULES = `
export {
  decodeArchive,
  encodeArchive,
  encodeArchiveFromJson,
  prepareArchive,
  readManifest,
  verifyArchive,
} from "./lib/backups/archive";
export { FilesystemStore } from "./lib/backups/stores/filesystem";
export { demoConfiguration } from "./lib/control-plane/demo-config";
`;

async function loadModules(root, tmp) {
  const outfile = path.join(tmp, "archive-bench-modules.mjs");
  await build({
    stdin: { contents: MODULES, resolveDir: root, loader: "ts", sourcefile: "archive-bench.ts" },
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    alias: { "server-only": path.join(root, "scripts/empty-module.js") },
  });
  return import(pathToFileURL(outfile).href);
}

/** fsync of a file or a folder: untimed, so one measurement's writeback does not slow the next. */
async function sync(file, flags = "r") {
  const handle = await fsp.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const timed = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
};

/** Each operation once, in an order that rotates with `i`, so none always follows the same one. */
async function rotated(i, operations) {
  for (let k = 0; k < operations.length; k++) await operations[(i + k) % operations.length]();
}

const REGION = "westeurope";

export async function benchArchive({ root, tmp, quick, log }) {
  const m = await loadModules(root, tmp);
  const service = { id: "contoso-edi", edition: "premium", units: 2, region: REGION };
  const configuration = m.demoConfiguration(service);
  const createdAt = new Date().toISOString();
  const fields = (name) => ({
    name,
    service: service.id,
    edition: service.edition,
    units: service.units,
    region: service.region,
    productVersion: "2.4.1",
    createdAt,
    trigger: "on-demand",
    contents: {},
  });
  // The configuration's JSON text as the runner gets `configuration::text` from the database
  // driver: a string decoded from UTF-8 (two bytes a character in memory, as the text holds "↔").
  const json = new TextDecoder().decode(Buffer.from(JSON.stringify(configuration), "utf8"));
  const dir = path.join(tmp, "archive-bench");
  const plainDir = path.join(dir, "plain");
  fs.mkdirSync(plainDir, { recursive: true });
  const store = new m.FilesystemStore({
    id: "bench",
    root: path.join(dir, "store"),
    createRoot: true,
  });
  await store.probe(REGION);
  const storeDir = path.join(store.root, REGION);
  // Names of one length: every archive below has exactly the same number of bytes.
  const nameOf = (kind, i) => `contoso-edi-${kind}-${String(i).padStart(4, "0")}`;
  const sample = m.encodeArchiveFromJson(fields(nameOf("s", 0)), json).bytes;
  const fromValue = m.encodeArchive(fields(nameOf("s", 0)), configuration).bytes;
  if (!fromValue.equals(sample))
    throw new Error("the archive from JSON text differs from encodeArchive's");
  const payload = sample.subarray(m.readManifest(sample).payloadOffset);
  const payloadText = payload.toString("latin1"); // the archive's payload is ASCII JSON
  const source = path.join(dir, "source.sfbackup");
  fs.writeFileSync(source, sample);
  await sync(source);

  const encoder = new TextEncoder();
  const utf8Space = Buffer.alloc(json.length * 3);

  const warmup = 3;
  const runs = quick ? 15 : 60;
  const t = {};
  for (let i = 0; i < warmup + runs; i++) {
    const record = i >= warmup ? (key, ms) => (t[key] ??= []).push(ms) : () => {};
    const sameSize = (bytes) => {
      if (bytes.length !== sample.length) throw new Error("archive sizes differ");
    };
    const names = {
      archive: nameOf("a", i),
      hashFirst: nameOf("h", i),
      sealed: nameOf("s", i),
      e2e: nameOf("e", i),
    };
    const copy = path.join(plainDir, `copy-${i}.bin`);
    const durable = path.join(plainDir, `durable-${i}.bin`);

    await rotated(i, [
      // Judged: hashed while written (FilesystemStore.write with a PendingArchive).
      async () => {
        let prepareMs = 0;
        const [ms, pending] = await timed(async () => {
          const start = performance.now();
          const archive = m.prepareArchive(fields(names.archive), { json });
          prepareMs = performance.now() - start;
          await store.write(REGION, names.archive, archive);
          return archive;
        });
        sameSize(pending.seal().bytes);
        record("prepare", prepareMs);
        record("write", ms);
      },
      // The same, hashed wholly before it is written: what hashing while writing saves.
      async () => {
        const [ms] = await timed(async () => {
          const archive = m.prepareArchive(fields(names.hashFirst), { json });
          archive.header();
          await store.write(REGION, names.hashFirst, archive);
        });
        record("hashFirstWrite", ms);
      },
      // Sealed first, then written: encodeArchiveFromJson, then store.write(bytes).
      async () => {
        const [encodeMs, encoded] = await timed(() =>
          m.encodeArchiveFromJson(fields(names.sealed), json),
        );
        sameSize(encoded.bytes);
        const [storeWriteMs] = await timed(() => store.write(REGION, names.sealed, encoded.bytes));
        record("encodeJson", encodeMs);
        record("storeWrite", storeWriteMs);
        record("sealedWrite", encodeMs + storeWriteMs);
      },
      // End to end from the configuration value: JSON encode + SHA-256, then the store write.
      async () => {
        const [ms] = await timed(async () => {
          const encoded = m.encodeArchive(fields(names.e2e), configuration);
          sameSize(encoded.bytes);
          await store.write(REGION, names.e2e, encoded.bytes);
        });
        record("e2eWrite", ms);
      },
      // (a) fs.copyFile: no fsync, so it measures the page cache; flushed afterwards, untimed.
      async () => {
        const [ms] = await timed(() => fsp.copyFile(source, copy));
        record("copy", ms);
        await sync(copy);
      },
      // (b) A durable plain copy: temp name, fsync, rename, fsync the folder.
      async () => {
        const temp = path.join(plainDir, `.durable-${i}.tmp`);
        const [ms] = await timed(async () => {
          await fsp.copyFile(source, temp);
          await sync(temp, "r+");
          await fsp.rename(temp, durable);
          await sync(plainDir);
        });
        record("durableCopy", ms);
      },
    ]);

    // Reads of the file the judged write made, so every read meets the same page-cache state.
    await rotated(i, [
      async () => {
        const [storeReadMs, bytes] = await timed(() => store.read(REGION, names.archive));
        const [verifyMs, verified] = await timed(() => m.verifyArchive(bytes));
        if (verified.manifest.name !== names.archive || bytes.length !== sample.length)
          throw new Error(`archive ${names.archive} did not read back as written`);
        record("storeRead", storeReadMs);
        record("verify", verifyMs);
        record("read", storeReadMs + verifyMs);
      },
      async () => {
        const [ms, bytes] = await timed(() => fsp.readFile(store.locate(REGION, names.archive)));
        sameSize(bytes);
        record("plainRead", ms);
      },
      async () => {
        const [ms, decoded] = await timed(async () =>
          m.decodeArchive(await store.read(REGION, names.archive)),
        );
        if (decoded.manifest.name !== names.archive) throw new Error("decode read another archive");
        record("e2eRead", ms);
      },
    ]);

    // What JSON, UTF-8 and SHA-256 alone cost for this payload on this CPU, in memory.
    await rotated(i, [
      async () => record("stringify", (await timed(() => JSON.stringify(configuration)))[0]),
      async () => record("utf8", (await timed(() => encoder.encodeInto(json, utf8Space)))[0]),
      async () =>
        record("sha256", (await timed(() => createHash("sha256").update(payload).digest()))[0]),
      async () => record("parse", (await timed(() => JSON.parse(payloadText)))[0]),
    ]);

    // Clean up, and commit the removals (untimed) so the next fsync does not pay for them.
    for (const name of Object.values(names)) await store.remove(REGION, name);
    await fsp.rm(copy, { force: true });
    await fsp.rm(durable, { force: true });
    await sync(plainDir);
    await sync(storeDir);
  }

  const med = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
  const pairedMedian = (base, ours) => median(t[base].map((b, k) => b / t[ours][k]));
  const mbps = (ms) => sample.length / 1e6 / (ms / 1000);
  const out = {
    bytes: sample.length,
    payloadBytes: payload.length,
    runs,
    medians: med,
    all: {
      write: t.write.map((v) => +v.toFixed(1)),
      durableCopy: t.durableCopy.map((v) => +v.toFixed(1)),
      read: t.read.map((v) => +v.toFixed(1)),
      plainRead: t.plainRead.map((v) => +v.toFixed(1)),
    },
    writeMBps: mbps(med.write),
    durableCopyMBps: mbps(med.durableCopy),
    copyMBps: mbps(med.copy),
    readMBps: mbps(med.read),
    plainReadMBps: mbps(med.plainRead),
    // Judged: the median of each run's ratio to the baseline measured next to it (the runs
    // alternate, so each pair shares the machine's noise), against the durable copy; the ratio of
    // the medians, and against copyFile, for information.
    writeRatio: pairedMedian("durableCopy", "write"),
    writeRatioOfMedians: med.durableCopy / med.write,
    writeVsCopyFileRatio: med.copy / med.write,
    hashFirstWriteRatio: pairedMedian("durableCopy", "hashFirstWrite"),
    sealedWriteRatio: pairedMedian("durableCopy", "sealedWrite"),
    storeWriteVsDurableCopy: med.durableCopy / med.storeWrite,
    readRatio: pairedMedian("plainRead", "read"),
    readRatioOfMedians: med.plainRead / med.read,
    storeReadVsPlainRead: med.plainRead / med.storeRead,
    e2eWriteRatio: pairedMedian("durableCopy", "e2eWrite"),
    e2eReadRatio: pairedMedian("plainRead", "e2eRead"),
    // Without overlap, no checksummed archive of this text can beat: encode it as UTF-8, hash it,
    // then write it durably; read it, then hash it.
    writeFloorMs: med.utf8 + med.sha256 + med.durableCopy,
    readFloorMs: med.plainRead + med.sha256,
    // Even with the hash fully overlapped with the read, SHA-256 alone takes this long.
    readOverlapFloorMs: Math.max(med.plainRead, med.sha256),
  };
  log(
    `  archive ${(out.bytes / 1e6).toFixed(1)} MB: write ${med.write.toFixed(1)} ms ` +
      `(durable copy ${med.durableCopy.toFixed(1)} ms, copyFile ${med.copy.toFixed(1)} ms), ` +
      `read ${med.read.toFixed(1)} ms (readFile ${med.plainRead.toFixed(1)} ms), median of ${runs}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
