/** The payload's JSON as ASCII-only parts, and strings as UTF-8: the fast paths of ./archive. */
import { isAscii, isUtf8 } from "node:buffer";
import { ArchiveError, type JsonText } from "./archive";

const NON_ASCII = /[\u0080-\uffff]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * The configuration as ASCII-only JSON, in parts. Serialising a large object in one go makes one
 * string; a single non-Latin-1 character anywhere widens all of it to two bytes per character,
 * which makes every later step (UTF-8 encoding, hashing input, decoding) several times slower.
 * Top-level members serialised one by one keep the big ASCII parts (base64 assemblies) narrow, and
 * the few other characters become \u escapes, so the payload is ASCII and decodes as Latin-1.
 */
export function asciiJsonParts(configuration: unknown): string[] {
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

const NON_ASCII_BLOCK = 64 * 1024;

/**
 * JSON text as ASCII-only parts, its ASCII runs as views (not copies). JSON allows non-ASCII
 * characters only inside strings, where `\uXXXX` means the same, so escaping them keeps the value.
 * Checking 64 KiB blocks with the native isAscii finds the few non-ASCII runs quickly; a run of
 * bytes ≥ 0x80 in valid UTF-8 is whole sequences, so each run is checked and decoded on its own.
 */
export function asciiJsonTextParts(json: JsonText): Buffer[] {
  if (json.length === 0) throw new ArchiveError("the configuration's JSON text is empty");
  if (typeof json === "string") return utf8Of(json).flatMap((bytes) => asciiJsonTextParts(bytes));
  const view = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const parts: Buffer[] = [];
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
      const run = view.subarray(at, runEnd);
      if (!isUtf8(run)) throw new ArchiveError("the configuration's JSON text is not valid UTF-8");
      if (at > kept) parts.push(view.subarray(kept, at));
      parts.push(Buffer.from(run.toString("utf8").replace(NON_ASCII, escapeChar), "latin1"));
      kept = at = runEnd;
    }
  }
  if (kept < view.length) parts.push(view.subarray(kept));
  return parts;
}

const encoder = new TextEncoder();

/**
 * A string as UTF-8, in one or two buffers: encodeInto a buffer the string's length (plus some
 * room) is one fast pass for text that is mostly ASCII, and only what does not fit is measured and
 * encoded again. Each buffer ends on a whole character. A lone surrogate becomes U+FFFD, as with
 * any UTF-8 encoding (JSON.stringify and PostgreSQL never give one).
 */
export function utf8Of(text: string): Buffer[] {
  const first = Buffer.allocUnsafe(text.length + Math.min(text.length, 64 * 1024));
  const { read, written } = encoder.encodeInto(text, first);
  if (read === text.length) return [first.subarray(0, written)];
  return [first.subarray(0, written), Buffer.from(text.slice(read), "utf8")];
}
