// Section 5: backup archives. Writing one (encode: JSON + SHA-256, then the filesystem store's
// atomic, durable write) and reading one (store read, then verify + decode), next to a plain
// fs.copyFile of the same number of bytes and a plain fs.readFile of the same file, alternated in
// the same run on the same disk. The TypeScript modules are bundled with esbuild, as
// scripts/build-server.mjs does. Medians; never asserts.
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { median } from "./stats.mjs";

const MODULES = `
export { decodeArchive, encodeArchive, readManifest } from "./lib/backups/archive";
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

/** Flushes a file's dirty pages (untimed), so one measurement's writeback does not slow the next. */
async function flush(file) {
  const handle = await fsp.open(file, "r+");
  await handle.sync();
  await handle.close();
}

const timed = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
};

export async function benchArchive({ root, tmp, quick, log }) {
  const m = await loadModules(root, tmp);
  const service = { id: "contoso-edi", edition: "premium", units: 2, region: "westeurope" };
  const configuration = m.demoConfiguration(service);
  const fields = (name) => ({
    name,
    service: service.id,
    edition: service.edition,
    units: service.units,
    region: service.region,
    productVersion: "2.4.1",
    createdAt: new Date().toISOString(),
    trigger: "on-demand",
    contents: {},
  });
  const dir = path.join(tmp, "archive-bench");
  fs.mkdirSync(dir, { recursive: true });
  const store = new m.FilesystemStore({
    id: "bench",
    root: path.join(dir, "store"),
    createRoot: true,
  });
  // Same-length names and timestamps: every archive below has exactly this many bytes.
  const sample = m.encodeArchive(fields("contoso-edi-0000"), configuration).bytes;
  const payload = sample.subarray(m.readManifest(sample).payloadOffset);
  const payloadText = payload.toString("latin1"); // the archive's payload is ASCII JSON
  const source = path.join(dir, "source.sfbackup");
  fs.writeFileSync(source, sample);
  await flush(source);

  const warmup = 3;
  const runs = quick ? 10 : 30;
  const t = {};
  const keep = (key, ms) => (t[key] ??= []).push(ms);
  for (let i = 0; i < warmup + runs; i++) {
    const record = i >= warmup ? keep : () => {};
    const name = `contoso-edi-${String(i).padStart(4, "0")}`;
    const copy = path.join(dir, `copy-${i}.bin`);
    const durable = path.join(dir, `durable-${i}.bin`);
    const archiveWrite = async () => {
      const [encodeMs, encoded] = await timed(() => m.encodeArchive(fields(name), configuration));
      if (encoded.bytes.length !== sample.length) throw new Error("archive sizes differ");
      const [storeWriteMs] = await timed(() => store.write("westeurope", name, encoded.bytes));
      record("encode", encodeMs);
      record("storeWrite", storeWriteMs);
      record("write", encodeMs + storeWriteMs);
    };
    const plainCopy = async () => {
      const [copyMs] = await timed(() => fsp.copyFile(source, copy));
      record("copy", copyMs);
      await flush(copy);
      const [durableMs] = await timed(async () => {
        await fsp.copyFile(source, durable);
        await flush(durable);
      });
      record("durableCopy", durableMs);
    };
    const archiveRead = async () => {
      const [storeReadMs, bytes] = await timed(() => store.read("westeurope", name));
      const [decodeMs, decoded] = await timed(() => m.decodeArchive(bytes));
      if (decoded.manifest.name !== name || bytes.length !== sample.length)
        throw new Error(`archive ${name} did not read back as written`);
      record("storeRead", storeReadMs);
      record("decode", decodeMs);
      record("read", storeReadMs + decodeMs);
    };
    // The very file the store wrote, so both reads meet the same page-cache state.
    const plainRead = async () => {
      const [readMs, bytes] = await timed(() => fsp.readFile(store.locate("westeurope", name)));
      if (bytes.length !== sample.length) throw new Error("the plain read came back short");
      record("plainRead", readMs);
    };
    // Alternate which side goes first, so neither always meets the other's writeback.
    const pair = (a, b) => (i % 2 ? b().then(a) : a().then(b));
    await pair(archiveWrite, plainCopy);
    await pair(archiveRead, plainRead);
    // Floors: what JSON and SHA-256 alone cost for this payload on this CPU, in memory.
    const [stringifyMs] = await timed(() => JSON.stringify(configuration));
    const [sha256Ms] = await timed(() => createHash("sha256").update(payload).digest("hex"));
    const [parseMs] = await timed(() => JSON.parse(payloadText));
    record("stringify", stringifyMs);
    record("sha256", sha256Ms);
    record("parse", parseMs);
    await store.remove("westeurope", name);
    await fsp.rm(copy, { force: true });
    await fsp.rm(durable, { force: true });
  }

  const med = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
  const mbps = (ms) => sample.length / 1e6 / (ms / 1000);
  const out = {
    bytes: sample.length,
    payloadBytes: payload.length,
    runs,
    medians: med,
    all: { write: t.write.map(Math.round), read: t.read.map((v) => +v.toFixed(1)) },
    writeMBps: mbps(med.write),
    copyMBps: mbps(med.copy),
    readMBps: mbps(med.read),
    plainReadMBps: mbps(med.plainRead),
    writeRatio: med.copy / med.write,
    readRatio: med.plainRead / med.read,
    storeWriteVsDurableCopy: med.durableCopy / med.storeWrite,
    storeReadVsPlainRead: med.plainRead / med.storeRead,
    // The best any checksummed JSON archive could do here: serialise, hash and write durably; read, hash, parse.
    writeFloorMs: med.stringify + med.sha256 + med.durableCopy,
    readFloorMs: med.plainRead + med.sha256 + med.parse,
  };
  log(
    `  archive ${(out.bytes / 1e6).toFixed(1)} MB: write ${med.write.toFixed(1)} ms (copyFile ${med.copy.toFixed(1)} ms), ` +
      `read ${med.read.toFixed(1)} ms (readFile ${med.plainRead.toFixed(1)} ms), median of ${runs}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
