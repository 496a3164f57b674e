import { isAscii, isUtf8 } from "node:buffer";
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

/**
 * The configuration as JSON that is already serialised (PostgreSQL's `configuration::text`, or
 * `JSON.stringify`'s output), as UTF-8 bytes or a string. It is stored as given, so it must be one
 * valid JSON value: only its encoding is checked (UTF-8), never its syntax.
 */
export type JsonText = string | Uint8Array;

/** What an archive holds: the configuration as a value, or as JSON text already serialised. */
export type ArchivePayload = { configuration: unknown } | { json: JsonText };

const NON_ASCII_BLOCK = 64 * 1024;

/**
 * JSON text as ASCII-only parts, without copying its ASCII runs. JSON allows non-ASCII characters
 * only inside strings, where `\uXXXX` means the same, so escaping them keeps the value. Checking
 * 64 KiB blocks with the native isAscii finds the few non-ASCII runs quickly; such a run is whole
 * UTF-8 sequences (their bytes are all ≥ 0x80), so it decodes on its own.
 */
function asciiJsonTextParts(json: JsonText): (string | Uint8Array)[] {
  const bytes = typeof json === "string" ? Buffer.from(json, "utf8") : json;
  if (bytes.length === 0) throw new ArchiveError("the configuration's JSON text is empty");
  if (isAscii(bytes)) return [bytes];
  if (!isUtf8(bytes)) throw new ArchiveError("the configuration's JSON text is not valid UTF-8");
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: (string | Uint8Array)[] = [];
  let kept = 0; // bytes before this are in `parts` already
  let at = 0;
  while (at < view.length) {
    const blockEnd = Math.min(at + NON_ASCII_BLOCK, view.length);
    if (isAscii(view.subarray(at, blockEnd))) {
      at = blockEnd;
      continue;
    }
    while (at < blockEnd) {
      if (view[at]! < 0x80) {
        at++;
        continue;
      }
      let runEnd = at;
      while (runEnd < view.length && view[runEnd]! >= 0x80) runEnd++;
      if (at > kept) parts.push(view.subarray(kept, at));
      parts.push(view.toString("utf8", at, runEnd).replace(NON_ASCII, escapeChar));
      kept = at = runEnd;
    }
  }
  if (kept < view.length) parts.push(view.subarray(kept));
  return parts;
}

/**
 * An archive whose payload is not hashed yet, so a store can hash it while it writes it: the
 * manifest's length does not depend on the hash (always 64 hex digits), so the payload's place is
 * known before its hash. `slice` copies the payload into place and hashes it up to where it is
 * asked for; `seal` hashes the rest and writes the header. Until sealed, the archive's first
 * `payloadOffset` bytes (the header) are not written, and the JSON text given must not change.
 */
export class PendingArchive {
  /** The archive's length in bytes. */
  readonly size: number;
  /** Where the payload starts: the header before it is written by seal(). */
  readonly payloadOffset: number;
  private readonly buffer: Buffer;
  private readonly draft: Manifest;
  private readonly hash = createHash("sha256");
  private readonly parts: (string | Uint8Array)[];
  private part = 0; // the next part to copy into place
  private partOffset = 0; // how much of it is copied already
  private filled: number; // the payload is copied into place up to here…
  private hashed: number; // …and hashed up to here
  private manifest?: Manifest;

  /** Use prepareArchive. */
  constructor(fields: ManifestFields, parts: (string | Uint8Array)[]) {
    const size = parts.reduce((n, p) => n + p.length, 0);
    this.draft = {
      format: ARCHIVE_FORMAT,
      ...fields,
      notIncluded: [...NOT_INCLUDED],
      payload: { encoding: "json", size, sha256: "0".repeat(64) },
    };
    this.payloadOffset = HEADER + Buffer.byteLength(JSON.stringify(this.draft), "utf8");
    this.size = this.payloadOffset + size;
    this.buffer = Buffer.allocUnsafe(this.size);
    this.parts = parts;
    this.filled = this.hashed = this.payloadOffset;
  }

  get sealed(): boolean {
    return this.manifest !== undefined;
  }

  /**
   * The archive's bytes from `start` to `end`, final: the payload up to `end` is in place and
   * hashed (so it must not change any more). The header (before payloadOffset) only once sealed.
   */
  slice(start: number, end: number): Buffer {
    if (start < 0 || end > this.size || start > end)
      throw new RangeError(`no bytes ${start} to ${end} in an archive of ${this.size}`);
    if (start < this.payloadOffset && !this.manifest)
      throw new ArchiveError("internal error: the archive's header is written when it is sealed");
    this.fill(end);
    if (end > this.hashed) {
      this.hash.update(this.buffer.subarray(this.hashed, end));
      this.hashed = end;
    }
    return this.buffer.subarray(start, end);
  }

  /** Hashes what is left and writes the header: the whole archive and its manifest. Idempotent. */
  seal(): { bytes: Buffer; manifest: Manifest } {
    if (!this.manifest) {
      this.slice(this.payloadOffset, this.size);
      const manifest: Manifest = {
        ...this.draft,
        payload: { ...this.draft.payload, sha256: this.hash.digest("hex") },
      };
      MAGIC.copy(this.buffer, 0);
      this.buffer.writeUInt32BE(this.payloadOffset - HEADER, MAGIC.length);
      const written = this.buffer.write(JSON.stringify(manifest), HEADER, "utf8");
      if (HEADER + written !== this.payloadOffset || this.filled !== this.size)
        throw new ArchiveError("internal error: the archive's parts do not add up to its size");
      this.manifest = manifest;
    }
    return { bytes: this.buffer, manifest: this.manifest };
  }

  /** Copies the payload's parts into place up to `end`. */
  private fill(end: number) {
    while (this.filled < end) {
      const part = this.parts[this.part]!;
      const n = Math.min(part.length - this.partOffset, end - this.filled);
      if (typeof part === "string") {
        const whole = this.partOffset === 0 && n === part.length;
        const text = whole ? part : part.slice(this.partOffset, this.partOffset + n);
        this.buffer.write(text, this.filled, n, "latin1");
      } else {
        this.buffer.set(part.subarray(this.partOffset, this.partOffset + n), this.filled);
      }
      this.filled += n;
      this.partOffset += n;
      if (this.partOffset === part.length) {
        this.part++;
        this.partOffset = 0;
      }
    }
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
