import { createHash } from "node:crypto";
import { ARCHIVE_FORMAT, Manifest, NOT_INCLUDED } from "./manifest";

/**
 * One backup archive: an 8-byte magic, the manifest's length (uint32, big-endian), the manifest
 * as JSON, then the configuration payload as JSON. The manifest carries the payload's size and
 * SHA-256, so a corrupted or truncated archive is always detected on read.
 */
const MAGIC = Buffer.from("SFBACKUP", "ascii");
const HEADER = MAGIC.length + 4;
const MAX_MANIFEST = 1_000_000;

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveError";
  }
}

export type ManifestFields = Omit<Manifest, "format" | "payload" | "notIncluded">;

export function encodeArchive(
  fields: ManifestFields,
  configuration: unknown,
): { bytes: Buffer; manifest: Manifest } {
  const payload = Buffer.from(JSON.stringify(configuration), "utf8");
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    ...fields,
    notIncluded: [...NOT_INCLUDED],
    payload: {
      encoding: "json",
      size: payload.length,
      sha256: createHash("sha256").update(payload).digest("hex"),
    },
  };
  const head = Buffer.from(JSON.stringify(manifest), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return { bytes: Buffer.concat([MAGIC, length, head, payload]), manifest };
}

/** Reads and checks the manifest only (for listings); the payload is not verified. */
export function readManifest(bytes: Buffer): { manifest: Manifest; payloadOffset: number } {
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new ArchiveError("not a Standfast backup archive (bad header)");
  }
  const length = bytes.readUInt32BE(MAGIC.length);
  if (length > MAX_MANIFEST || HEADER + length > bytes.length)
    throw new ArchiveError("truncated archive: the manifest is incomplete");
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.subarray(HEADER, HEADER + length).toString("utf8"));
  } catch {
    throw new ArchiveError("corrupted archive: the manifest is not valid JSON");
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ArchiveError(
      `corrupted archive: manifest field ${issue.path.join(".") || "(root)"} is invalid (${issue.message})`,
    );
  }
  return { manifest: parsed.data, payloadOffset: HEADER + length };
}

/** Verifies size and checksum, then returns the manifest and the configuration. */
export function decodeArchive(bytes: Buffer): { manifest: Manifest; configuration: unknown } {
  const { manifest, payloadOffset } = verifyArchive(bytes);
  return { manifest, configuration: JSON.parse(bytes.subarray(payloadOffset).toString("utf8")) };
}

export function verifyArchive(bytes: Buffer): { manifest: Manifest; payloadOffset: number } {
  const { manifest, payloadOffset } = readManifest(bytes);
  const size = bytes.length - payloadOffset;
  if (size < manifest.payload.size)
    throw new ArchiveError(
      `truncated archive: ${size} of ${manifest.payload.size} payload bytes present`,
    );
  if (size > manifest.payload.size)
    throw new ArchiveError(
      `corrupted archive: ${size - manifest.payload.size} unexpected bytes after the payload`,
    );
  const sha256 = createHash("sha256").update(bytes.subarray(payloadOffset)).digest("hex");
  if (sha256 !== manifest.payload.sha256)
    throw new ArchiveError("corrupted archive: the payload's SHA-256 does not match the manifest");
  return { manifest, payloadOffset };
}
