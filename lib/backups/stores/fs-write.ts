/**
 * Writing an archive into an open file in chunks, with the thread pool writing while this thread
 * hashes the next chunk: the filesystem store's bytes-to-disk half.
 */
import type fs from "node:fs/promises";
import { PendingArchive } from "../archive";
import type { WriteOptions } from "./types";

async function writeFully(handle: fs.FileHandle, bytes: Buffer, position: number) {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

const chunkEnd = (at: number, chunkSize: number, size: number) =>
  Math.min(size, (Math.floor(at / chunkSize) + 1) * chunkSize);

/** Hashes chunks until `opened()`, letting the event loop run between them. */
export async function hashAhead(archive: PendingArchive, chunkSize: number, opened: () => boolean) {
  for (let at = archive.payloadOffset; at < archive.size && !opened();) {
    const end = chunkEnd(at, chunkSize, archive.size);
    archive.payload(at, end);
    at = end;
    await new Promise(setImmediate);
  }
}

/** Writes at once at most this many chunks, so the thread pool has the next while one finishes. */
const IN_FLIGHT = 2;

/**
 * Writes the archive in chunks that end at multiples of the chunk size in the file, reporting
 * progress as each is written. A PendingArchive's payload is written from the JSON text given (not
 * from a copy), each chunk hashed on this thread while the ones before it are being written by
 * the thread pool; its header, which holds the hash, goes in at offset 0 last.
 */
export async function writeArchive(
  handle: fs.FileHandle,
  archive: Buffer | PendingArchive,
  chunkSize: number,
  checkAbort: () => void,
  onProgress: WriteOptions["onProgress"],
) {
  const pending = archive instanceof PendingArchive ? archive : undefined;
  const size = archive instanceof PendingArchive ? archive.size : archive.length;
  const chunk = (at: number, end: number) =>
    archive instanceof PendingArchive ? archive.payload(at, end) : [archive.subarray(at, end)];
  let written = 0;
  const inFlight = new Set<Promise<void>>();
  const write = (pieces: Buffer[], position: number, length: number) => {
    const done = writevFully(handle, pieces, position).then(() => {
      written += length;
      onProgress?.(written, size);
    });
    inFlight.add(done);
    done.then(
      () => inFlight.delete(done),
      () => {}, // seen by the race or the wait below
    );
  };
  try {
    for (let at = pending ? pending.payloadOffset : 0; at < size;) {
      checkAbort();
      const end = chunkEnd(at, chunkSize, size);
      const pieces = chunk(at, end); // a PendingArchive's is hashed here
      while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      checkAbort();
      write(pieces, at, end - at);
      at = end;
    }
    if (pending) write([pending.header()], 0, pending.payloadOffset);
    else if (size === 0) onProgress?.(0, 0);
    await Promise.all(inFlight);
  } finally {
    // Never leave a write running on a handle that is about to be closed.
    await Promise.allSettled(inFlight);
  }
}

async function writevFully(handle: fs.FileHandle, pieces: Buffer[], position: number) {
  if (pieces.length === 1) return writeFully(handle, pieces[0]!, position);
  let rest = pieces.filter((p) => p.length > 0);
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest, position);
    position += bytesWritten;
    let left = bytesWritten;
    while (rest.length > 0 && left >= rest[0]!.length) left -= rest.shift()!.length;
    if (left > 0) rest = [rest[0]!.subarray(left), ...rest.slice(1)];
  }
}
