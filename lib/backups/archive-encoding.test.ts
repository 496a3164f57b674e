// The archive's payload encoding (lib/backups/archive.ts): written as ASCII-only JSON in parts,
// for speed, it must still read back as exactly what JSON would have given.
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeArchive, encodeArchive, readManifest, type ManifestFields } from "./archive";

const fields: ManifestFields = {
  name: "contoso-edi-20261124-184500z",
  service: "contoso-edi",
  edition: "premium",
  units: 1,
  region: "westeurope",
  productVersion: "2.4.1",
  createdAt: "2026-11-24T18:45:00.000Z",
  trigger: "on-demand",
  contents: {},
};

function roundTrip(configuration: unknown) {
  const { bytes, manifest } = encodeArchive(fields, configuration);
  const { payloadOffset } = readManifest(bytes);
  const payload = bytes.subarray(payloadOffset);
  expect(payload.length).toBe(manifest.payload.size);
  expect(isAscii(payload)).toBe(true);
  return decodeArchive(bytes).configuration;
}

const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("archive payload encoding", () => {
  it("reads back what JSON gives, for any JSON value with any characters", () => {
    const text = fc.string({ unit: "binary" });
    const value = fc.jsonValue({ stringUnit: "binary" });
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(text, value), value), (configuration) => {
        expect(roundTrip(configuration)).toEqual(viaJson(configuration));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps JSON's rules for members it leaves out or converts", () => {
    const when = new Date("2026-11-24T18:45:00.000Z");
    const configuration = {
      "naïve ↔ key": "ünïcode ✓ 🚀",
      lone: "\ud800 and \udfff",
      quotes: 'a "quoted" \\ back\nslash\u0000',
      skipped: undefined,
      fn: () => 1,
      when,
      nested: { when, list: [undefined, () => 1, NaN, -0] },
    };
    expect(roundTrip(configuration)).toEqual(viaJson(configuration));
    const custom = { toJSON: () => ({ replaced: "✓" }), hidden: 1 };
    expect(roundTrip(custom)).toEqual({ replaced: "✓" });
    expect(roundTrip(Object.assign(Object.create(null), { a: "↔" }))).toEqual({ a: "↔" });
    expect(roundTrip({})).toEqual({});
    expect(roundTrip(["↔", 1])).toEqual(["↔", 1]);
  });

  it("still reads archives whose payload is plain UTF-8 JSON", () => {
    const { bytes } = encodeArchive(fields, { a: 1 });
    const { payloadOffset } = readManifest(bytes);
    const head = bytes.subarray(0, payloadOffset);
    const manifest = JSON.parse(head.subarray(12).toString("utf8"));
    const payload = Buffer.from(JSON.stringify({ note: "naïve ↔ ✓" }), "utf8");
    manifest.payload.size = payload.length;
    manifest.payload.sha256 = createHash("sha256").update(payload).digest("hex");
    const newHead = Buffer.from(JSON.stringify(manifest), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32BE(newHead.length);
    const archive = Buffer.concat([bytes.subarray(0, 8), length, newHead, payload]);
    expect(decodeArchive(archive).configuration).toEqual({ note: "naïve ↔ ✓" });
  });
});
