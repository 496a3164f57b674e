// Archives built from JSON text already serialised (encodeArchiveFromJson, prepareArchive): the
// same archive as from the configuration, ASCII-only, and hashed in whatever pieces it is written.
import { isAscii } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ArchiveError,
  decodeArchive,
  encodeArchive,
  encodeArchiveFromJson,
  prepareArchive,
  readManifest,
  type ManifestFields,
} from "./archive";

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

const payloadOf = (bytes: Buffer) => bytes.subarray(readManifest(bytes).payloadOffset);

describe("archive from JSON text", () => {
  it("is byte for byte the archive encodeArchive makes of the same configuration", () => {
    const text = fc.string({ unit: "binary" });
    const value = fc.jsonValue({ stringUnit: "binary" });
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(text, value), value), (configuration) => {
        const json = JSON.stringify(configuration);
        const expected = encodeArchive(fields, configuration);
        for (const given of [json, Buffer.from(json, "utf8")]) {
          const { bytes, manifest } = encodeArchiveFromJson(fields, given);
          expect(bytes.equals(expected.bytes)).toBe(true);
          expect(manifest).toEqual(expected.manifest);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("stores PostgreSQL's jsonb text as ASCII that reads back as the same value", () => {
    const json = '{"a": [1, 2.50, true, null], "note": "naïve ↔ ✓ 🚀", "ünï": {"q": "\\"↔\\""}}';
    const { bytes, manifest } = encodeArchiveFromJson(fields, Buffer.from(json, "utf8"));
    expect(isAscii(payloadOf(bytes))).toBe(true);
    expect(manifest.payload.size).toBe(payloadOf(bytes).length);
    expect(decodeArchive(bytes).configuration).toEqual(JSON.parse(json));
  });

  it("escapes non-ASCII characters wherever they fall, block boundaries included", () => {
    for (const at of [0, 65_533, 65_534, 65_535, 65_536, 131_071, 200_000]) {
      const filler = "x".repeat(at);
      const json = JSON.stringify({ [filler]: "↔🚀é", tail: `${filler}ü` });
      const given = Buffer.from(json, "utf8");
      const { bytes } = encodeArchiveFromJson(fields, given.subarray(0)); // a view, not a copy
      expect(isAscii(payloadOf(bytes))).toBe(true);
      expect(decodeArchive(bytes).configuration).toEqual(JSON.parse(json));
    }
  });

  it("takes a string, mostly ASCII or not at all", () => {
    for (const note of [
      "plain",
      "naïve ↔",
      "↔".repeat(100_000),
      `${"x".repeat(70_000)}${"✓".repeat(50_000)}`,
    ]) {
      const json = JSON.stringify({ note, tail: "ok" });
      const { bytes } = encodeArchiveFromJson(fields, json);
      expect(isAscii(payloadOf(bytes))).toBe(true);
      expect(decodeArchive(bytes).configuration).toEqual({ note, tail: "ok" });
    }
  });

  it("refuses text that is not UTF-8, or empty, instead of storing something else", () => {
    const refusal = (json: Buffer) => {
      try {
        encodeArchiveFromJson(fields, json);
        return "accepted";
      } catch (error) {
        expect(error).toBeInstanceOf(ArchiveError);
        return (error as Error).message;
      }
    };
    expect(refusal(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toBe(
      "the configuration's JSON text is not valid UTF-8",
    );
    expect(refusal(Buffer.alloc(0))).toBe("the configuration's JSON text is empty");
  });
});

describe("pending archive", () => {
  const json = Buffer.from(
    JSON.stringify({ partners: ["Fabrikam ↔ Contoso"], blob: "A".repeat(300_000) }),
  );

  it("gives the same archive however it is sliced before it is sealed", () => {
    const expected = encodeArchiveFromJson(fields, json);
    for (const step of [997, 4_096, 65_536, 1_000_000]) {
      const pending = prepareArchive(fields, { json });
      expect(pending.size).toBe(expected.bytes.length);
      const pieces: Buffer[] = [];
      for (let at = pending.payloadOffset; at < pending.size; at += step)
        pieces.push(...pending.payload(at, Math.min(at + step, pending.size)));
      pending.payload(pending.payloadOffset, pending.payloadOffset + 10); // again: no effect
      expect(pending.sealed).toBe(false);
      const sealed = pending.seal();
      expect(pending.sealed).toBe(true);
      expect(sealed.bytes.equals(expected.bytes)).toBe(true);
      expect(sealed.manifest).toEqual(expected.manifest);
      expect(Buffer.concat(pieces).equals(payloadOf(expected.bytes))).toBe(true);
      expect(pending.seal().bytes).toBe(sealed.bytes); // idempotent
      expect(pending.seal().manifest).toBe(sealed.manifest);
    }
  });

  it("hands out the payload only, and the header once it is hashed", () => {
    for (const payload of [{ configuration: { a: 1 } }, { json: '{"a":1}' }]) {
      const pending = prepareArchive(fields, payload);
      expect(() => pending.payload(0, pending.payloadOffset)).toThrow(RangeError);
      expect(() => pending.payload(pending.payloadOffset, pending.size + 1)).toThrow(RangeError);
      const header = pending.header();
      expect(pending.sealed).toBe(true);
      expect(header.length).toBe(pending.payloadOffset);
      const whole = Buffer.concat([
        header,
        ...pending.payload(pending.payloadOffset, pending.size),
      ]);
      expect(whole.equals(pending.seal().bytes)).toBe(true);
      expect(decodeArchive(whole).configuration).toEqual({ a: 1 });
    }
  });

  it("does not change when the JSON text it was given is reused after sealing", () => {
    const given = Buffer.from('{"note":"x"}');
    const { bytes } = encodeArchiveFromJson(fields, given);
    given.fill(0x20);
    expect(decodeArchive(bytes).configuration).toEqual({ note: "x" });
  });
});
