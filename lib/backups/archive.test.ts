import { describe, expect, it } from "vitest";
import {
  ArchiveError,
  decodeArchive,
  encodeArchive,
  readManifest,
  type ManifestFields,
} from "./archive";

const fields: ManifestFields = {
  name: "contoso-edi-20261124T120000Z",
  service: "contoso-edi",
  edition: "premium",
  units: 2,
  region: "westeurope",
  productVersion: "2.4.1",
  createdAt: "2026-11-24T12:00:00.000Z",
  trigger: "on-demand",
  contents: { partners: 2, agreements: 3 },
};
const configuration = {
  partners: [{ name: "Fabrikam", controlNumber: 1042 }],
  note: "naïve — ünïcode ✓",
};

const refusal = (bytes: Buffer) => {
  try {
    decodeArchive(bytes);
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return (error as Error).message;
  }
};

describe("backup archive", () => {
  it("round-trips the configuration exactly, with a manifest that says what it holds and what it does not", () => {
    const { bytes, manifest } = encodeArchive(fields, configuration);
    const read = decodeArchive(bytes);
    expect(read.configuration).toEqual(configuration);
    expect(read.manifest).toEqual(manifest);
    expect(manifest.payload.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.notIncluded.join(" ")).toMatch(
      /hybrid connections.*batches.*tracking database.*storage.*access-control/,
    );
  });

  it("reads the manifest alone without the payload", () => {
    const { bytes } = encodeArchive(fields, configuration);
    expect(readManifest(bytes).manifest.service).toBe("contoso-edi");
  });

  it("refuses a flipped payload byte", () => {
    const { bytes } = encodeArchive(fields, configuration);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x01, bytes.length - 3);
    expect(refusal(bytes)).toBe(
      "corrupted archive: the payload's SHA-256 does not match the manifest",
    );
  });

  it("refuses a truncated archive, wherever it was cut", () => {
    const { bytes } = encodeArchive(fields, configuration);
    expect(refusal(bytes.subarray(0, bytes.length - 5))).toMatch(
      /^truncated archive: \d+ of \d+ payload bytes present$/,
    );
    expect(refusal(bytes.subarray(0, 40))).toBe("truncated archive: the manifest is incomplete");
    expect(refusal(bytes.subarray(0, 5))).toBe("not a Standfast backup archive (bad header)");
  });

  it("refuses trailing bytes, a foreign file and a damaged manifest", () => {
    const { bytes } = encodeArchive(fields, configuration);
    expect(refusal(Buffer.concat([bytes, Buffer.from("x")]))).toBe(
      "corrupted archive: 1 unexpected bytes after the payload",
    );
    expect(refusal(Buffer.from("PK\u0003\u0004 a zip file, not ours"))).toBe(
      "not a Standfast backup archive (bad header)",
    );
    const damaged = Buffer.from(bytes);
    damaged[14] = 0x7b; // inside the manifest JSON
    expect(refusal(damaged)).toMatch(/^corrupted archive: (the manifest|manifest field)/);
  });
});
