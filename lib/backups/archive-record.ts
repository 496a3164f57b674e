import { isDeepStrictEqual } from "node:util";
import { ArchiveError, verifyArchive } from "./archive";
import type { Manifest } from "./manifest";

/** What the store recorded when the backup was taken; an archive read later must be exactly that. */
export type RecordedArchive = {
  sizeBytes: number | null;
  sha256: string | null;
  manifest: unknown;
};

/**
 * Verifies an archive against the record made when it was taken, not only against itself: an
 * archive rewritten with a self-consistent manifest (payload changed, checksum recomputed) is
 * refused. Equal size, payload SHA-256 and manifest mean the same archive.
 */
export function verifyAgainstRecord(
  bytes: Buffer,
  recorded: RecordedArchive,
): { manifest: Manifest; payloadOffset: number } {
  if (recorded.sizeBytes === null || recorded.sha256 === null || !recorded.manifest)
    throw new ArchiveError("no checksum was recorded when this backup was taken");
  const verified = verifyArchive(bytes);
  if (bytes.length !== recorded.sizeBytes)
    throw new ArchiveError(
      `corrupted archive: it is ${bytes.length} bytes, and ${recorded.sizeBytes} were recorded when it was taken`,
    );
  if (verified.manifest.payload.sha256 !== recorded.sha256)
    throw new ArchiveError(
      "corrupted archive: its payload's SHA-256 is not the one recorded when it was taken",
    );
  if (!isDeepStrictEqual(verified.manifest, recorded.manifest))
    throw new ArchiveError(
      "corrupted archive: its manifest is not the one recorded when it was taken",
    );
  return verified;
}
