import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { asciiJsonParts, asciiJsonTextParts } from "./archive-ascii";
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

/**
 * The configuration as JSON that is already serialised (PostgreSQL's `configuration::text`, or
 * `JSON.stringify`'s output), as UTF-8 bytes or a string. It is stored as given, so it must be one
 * valid JSON value: only its encoding is checked (UTF-8), never its syntax.
 */
export type JsonText = string | Uint8Array;

/** What an archive holds: the configuration as a value, or as JSON text already serialised. */
export type ArchivePayload = { configuration: unknown } | { json: JsonText };

/**
 * An archive whose payload is not hashed yet, so that a store can hash it while it writes it. The
 * manifest's length does not depend on the hash (always 64 hex digits), so where the payload goes
 * is known before its hash. `payload` hashes the payload up to where it is asked for and returns it
 * (views of the JSON text given: no copy); `header` hashes the rest and makes the header. The JSON
 * text given must not change until the archive is written.
 */
export class PendingArchive {
  /** The archive's length in bytes. */
  readonly size: number;
  /** Where the payload starts: before it is the header. */
  readonly payloadOffset: number;
  private readonly draft: Manifest;
  private readonly hash = createHash("sha256");
  /** The payload, in order. */
  private readonly segments: Buffer[];
  /** The whole archive when the payload had to be written out (from strings), header space first. */
  private readonly whole?: Buffer;
  private hashed: number; // the payload is hashed up to this offset
  private done?: { header: Buffer; manifest: Manifest };
  private bytes?: Buffer;

  /** Use prepareArchive. */
  constructor(fields: ManifestFields, parts: (string | Buffer)[]) {
    const size = parts.reduce((n, p) => n + p.length, 0);
    this.draft = {
      format: ARCHIVE_FORMAT,
      ...fields,
      notIncluded: [...NOT_INCLUDED],
      payload: { encoding: "json", size, sha256: "0".repeat(64) },
    };
    this.payloadOffset = HEADER + Buffer.byteLength(JSON.stringify(this.draft), "utf8");
    this.size = this.payloadOffset + size;
    this.hashed = this.payloadOffset;
    if (parts.every((p) => typeof p !== "string")) {
      this.segments = parts as Buffer[];
    } else {
      // Strings are written once, straight into their place in the archive.
      const whole = Buffer.allocUnsafe(this.size);
      let at = this.payloadOffset;
      for (const part of parts)
        at += typeof part === "string" ? whole.write(part, at, "latin1") : part.copy(whole, at);
      if (at !== this.size)
        throw new ArchiveError("internal error: the archive's parts do not add up to its size");
      this.whole = whole;
      this.segments = [whole.subarray(this.payloadOffset)];
    }
  }

  get sealed(): boolean {
    return this.done !== undefined;
  }

  /**
   * The payload's bytes from `start` to `end` (offsets in the archive), as views of the parts,
   * after hashing the payload up to `end`.
   */
  payload(start: number, end: number): Buffer[] {
    if (start < this.payloadOffset || end > this.size || start > end)
      throw new RangeError(`no payload bytes ${start} to ${end} in an archive of ${this.size}`);
    if (end > this.hashed) {
      for (const piece of this.pieces(this.hashed, end)) this.hash.update(piece);
      this.hashed = end;
    }
    return this.pieces(start, end);
  }

  /** The header (magic, the manifest's length, the manifest): hashes the rest of the payload. */
  header(): Buffer {
    return this.finish().header;
  }

  /** The whole archive in one buffer, and its manifest. Idempotent. */
  seal(): { bytes: Buffer; manifest: Manifest } {
    const { header, manifest } = this.finish();
    this.bytes ??= this.whole ?? Buffer.concat([header, ...this.segments], this.size);
    return { bytes: this.bytes, manifest };
  }

  private finish() {
    if (!this.done) {
      this.payload(this.size, this.size);
      const manifest: Manifest = {
        ...this.draft,
        payload: { ...this.draft.payload, sha256: this.hash.digest("hex") },
      };
      const header =
        this.whole?.subarray(0, this.payloadOffset) ?? Buffer.alloc(this.payloadOffset);
      MAGIC.copy(header, 0);
      header.writeUInt32BE(this.payloadOffset - HEADER, MAGIC.length);
      if (HEADER + header.write(JSON.stringify(manifest), HEADER, "utf8") !== this.payloadOffset)
        throw new ArchiveError("internal error: the manifest does not fit the space kept for it");
      this.done = { header, manifest };
    }
    return this.done;
  }

  private pieces(start: number, end: number): Buffer[] {
    const out: Buffer[] = [];
    let offset = this.payloadOffset;
    for (const segment of this.segments) {
      const segmentEnd = offset + segment.length;
      if (segmentEnd > start && offset < end)
        out.push(
          segment.subarray(Math.max(start, offset) - offset, Math.min(end, segmentEnd) - offset),
        );
      if (segmentEnd >= end) break;
      offset = segmentEnd;
    }
    return out;
  }
}

/**
 * An archive ready to be hashed while it is written (FilesystemStore.write takes it), or sealed at
 * once. The payload is ASCII-only JSON either way.
 */
export function prepareArchive(fields: ManifestFields, payload: ArchivePayload): PendingArchive {
  const parts =
    "json" in payload ? asciiJsonTextParts(payload.json) : asciiJsonParts(payload.configuration);
  return new PendingArchive(fields, parts);
}

export function encodeArchive(
  fields: ManifestFields,
  configuration: unknown,
): { bytes: Buffer; manifest: Manifest } {
  return prepareArchive(fields, { configuration }).seal();
}

/**
 * The same archive from JSON text already serialised (such as PostgreSQL's `configuration::text`),
 * without parsing it or serialising the configuration again.
 */
export function encodeArchiveFromJson(
  fields: ManifestFields,
  json: JsonText,
): { bytes: Buffer; manifest: Manifest } {
  return prepareArchive(fields, { json }).seal();
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
  return { manifest, configuration: parsePayload(bytes.subarray(payloadOffset)) };
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

/** The payload's JSON as a value. */
export function parsePayload(payload: Buffer): unknown {
  // ASCII is Latin-1 too, and Latin-1 decodes to a narrow string that JSON.parse reads faster.
  const text = isAscii(payload) ? payload.toString("latin1") : payload.toString("utf8");
  return JSON.parse(text);
}

/** The SHA-256 an archive's payload would have for this configuration (a drill's comparison). */
export function payloadSha256(configuration: unknown): string {
  const hash = createHash("sha256");
  for (const part of asciiJsonParts(configuration)) hash.update(part, "latin1");
  return hash.digest("hex");
}
