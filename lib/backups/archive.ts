import { isAscii } from "node:buffer";
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

const NON_ASCII = /[\u0080-\uffff]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * The configuration as ASCII-only JSON, in parts. Serialising a large object in one go makes one
 * string; a single non-Latin-1 character anywhere widens all of it to two bytes per character,
 * which makes every later step (UTF-8 encoding, hashing input, decoding) several times slower.
 * Top-level members serialised one by one keep the big ASCII parts (base64 assemblies) narrow, and
 * the few other characters become \u escapes, so the payload is ASCII and decodes as Latin-1.
 */
function asciiJsonParts(configuration: unknown): string[] {
  const plain =
    configuration !== null &&
    typeof configuration === "object" &&
    !Array.isArray(configuration) &&
    [Object.prototype, null].includes(Object.getPrototypeOf(configuration)) &&
    typeof (configuration as { toJSON?: unknown }).toJSON !== "function" &&
    Object.values(configuration).every(
      (v) => typeof (v as { toJSON?: unknown } | null)?.toJSON !== "function",
    );
  let parts: string[];
  if (!plain) {
    const whole = JSON.stringify(configuration) as string | undefined;
    if (whole === undefined) throw new ArchiveError("the configuration cannot be written as JSON");
    parts = [whole];
  } else {
    parts = [];
    for (const [key, value] of Object.entries(configuration)) {
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) continue; // JSON.stringify leaves out undefined and functions too
      parts.push(`${parts.length ? "," : "{"}${JSON.stringify(key)}:`, text);
    }
    parts.push(parts.length ? "}" : "{}");
  }
  // A string is ASCII exactly when its UTF-8 length equals its length.
  return parts.map((p) =>
    Buffer.byteLength(p, "utf8") === p.length ? p : p.replace(NON_ASCII, escapeChar),
  );
}

export function encodeArchive(
  fields: ManifestFields,
  configuration: unknown,
): { bytes: Buffer; manifest: Manifest } {
  const parts = asciiJsonParts(configuration);
  const size = parts.reduce((n, p) => n + p.length, 0);
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    ...fields,
    notIncluded: [...NOT_INCLUDED],
    payload: { encoding: "json", size, sha256: "0".repeat(64) },
  };
  // The manifest's length does not depend on the hash (always 64 hex digits), so the payload is
  // written once, straight into its place in the archive, and hashed there.
  const headLength = Buffer.byteLength(JSON.stringify(manifest), "utf8");
  const bytes = Buffer.allocUnsafe(HEADER + headLength + size);
  let at = HEADER + headLength;
  for (const part of parts) at += bytes.write(part, at, "latin1");
  manifest.payload.sha256 = createHash("sha256")
    .update(bytes.subarray(HEADER + headLength))
    .digest("hex");
  MAGIC.copy(bytes, 0);
  bytes.writeUInt32BE(headLength, MAGIC.length);
  const written = bytes.write(JSON.stringify(manifest), HEADER, "utf8");
  if (written !== headLength || at !== bytes.length)
    throw new ArchiveError("internal error: the archive's parts do not add up to its size");
  return { bytes, manifest };
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
  const payload = bytes.subarray(payloadOffset);
  // ASCII is Latin-1 too, and Latin-1 decodes to a narrow string that JSON.parse reads faster.
  const text = isAscii(payload) ? payload.toString("latin1") : payload.toString("utf8");
  return { manifest, configuration: JSON.parse(text) };
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
