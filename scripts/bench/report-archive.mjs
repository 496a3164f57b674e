// Report rows of the backup archive section: write and read against their same-run floors.
import { mb, ms, ratio } from "./stats.mjs";
import { verdict } from "./report-format.mjs";

const mbps = (v) => (v == null ? "—" : `${Math.round(v).toLocaleString("en-US")} MB/s`);

export function archiveRows(a) {
  const m = a.medians;
  const sha = (a.payloadBytes / 1e6 / (m.sha256 / 1000) / 1000).toFixed(1);
  const pair = (x, y) => `${ms(x)} / ${ms(y)}`;
  return [
    [
      `archive write: build from the JSON text + atomic store write, SHA-256 while writing, ${mb(a.bytes)} (${a.runs} runs; ratio: median of paired runs)`,
      mbps(a.writeMBps),
      `${mbps(a.durableCopyMBps)} durable copy`,
      ratio(a.writeRatio),
      "≥ 0.70×",
      verdict(a.writeRatio >= 0.7),
    ],
    `  (judged against a durable copy: copy to a temp name, fsync, rename, fsync the folder. A backup that is not on disk is not a backup; copyFile without fsync measures the page cache.)`,
    [
      `  build (UTF-8, ASCII escapes) / store write with SHA-256 (temp file, fsync, link, fsync folder); ratio of medians`,
      pair(m.prepare, m.write - m.prepare),
      `${ms(m.durableCopy)} durable copy`,
      ratio(a.writeRatioOfMedians),
      "",
      "",
    ],
    [
      `  the same write vs fs.copyFile (no fsync)`,
      ms(m.write),
      `${ms(m.copy)} fs.copyFile`,
      ratio(a.writeVsCopyFileRatio),
      "",
      "",
    ],
    [
      `  the same, SHA-256 wholly before the write (no overlap)`,
      ms(m.hashFirstWrite),
      `${ms(m.durableCopy)} durable copy`,
      ratio(a.hashFirstWriteRatio),
      "",
      "",
    ],
    [
      `  sealed first (runner's one-line change): encodeArchiveFromJson / store write; ratio of both / store write alone`,
      pair(m.encodeJson, m.storeWrite),
      `${ms(m.durableCopy)} durable copy`,
      `${ratio(a.sealedWriteRatio)} / ${ratio(a.storeWriteVsDurableCopy)}`,
      "",
      "",
    ],
    [
      `  floor without overlap: UTF-8 + SHA-256 + durable copy`,
      ms(a.writeFloorMs),
      `${ms(m.durableCopy)} durable copy`,
      ratio(m.durableCopy / a.writeFloorMs),
      "",
      "",
    ],
    [
      `archive read: store read + verify (manifest + SHA-256)`,
      mbps(a.readMBps),
      `${mbps(a.plainReadMBps)} fs.readFile`,
      ratio(a.readRatio),
      "≥ 0.70×",
      verdict(a.readRatio >= 0.7),
    ],
    [
      `  store read / verify; ratio of medians`,
      pair(m.storeRead, m.verify),
      `${ms(m.plainRead)} fs.readFile`,
      ratio(a.readRatioOfMedians),
      "",
      "",
    ],
    [
      `  floor: readFile + SHA-256 / with SHA-256 wholly overlapped: max(readFile, SHA-256)`,
      pair(a.readFloorMs, a.readOverlapFloorMs),
      `${ms(m.plainRead)} fs.readFile`,
      `${ratio(m.plainRead / a.readFloorMs)} / ${ratio(m.plainRead / a.readOverlapFloorMs)}`,
      "best possible",
      "",
    ],
    [
      `  end to end, not judged: write from the configuration value (JSON encode) / read + JSON decode`,
      pair(m.e2eWrite, m.e2eRead),
      pair(m.durableCopy, m.plainRead),
      `${ratio(a.e2eWriteRatio)} / ${ratio(a.e2eReadRatio)}`,
      "",
      "",
    ],
    `  (in memory, on this CPU: JSON.stringify ${m.stringify.toFixed(1)} ms, UTF-8 encode ${m.utf8.toFixed(1)} ms, SHA-256 ${m.sha256.toFixed(1)} ms (${sha} GB/s), ` +
      `JSON.parse ${m.parse.toFixed(1)} ms; every write: ${a.all.write.join(", ")} ms; every durable copy: ${a.all.durableCopy.join(", ")} ms; ` +
      `every read: ${a.all.read.join(", ")} ms; every readFile: ${a.all.plainRead.join(", ")} ms)`,
  ];
}
