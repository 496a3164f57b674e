import { StoreError } from "./types";

/** Archives are stored as `<name>.sfbackup`. */
export const ARCHIVE_EXTENSION = ".sfbackup";

const SAFE = /^[a-z0-9][a-z0-9-]*$/;
const MAX_LENGTH = 100;

function check(what: "archive name" | "region", value: unknown): string {
  if (typeof value !== "string" || value.length === 0)
    throw new StoreError("invalid", `${what} is missing: give one such as ${example(what)}`);
  if (value.length > MAX_LENGTH)
    throw new StoreError(
      "invalid",
      `${what} ${JSON.stringify(value.slice(0, 40))}… is ${value.length} characters long: at most ${MAX_LENGTH} are allowed`,
    );
  if (!SAFE.test(value))
    throw new StoreError(
      "invalid",
      `${what} ${JSON.stringify(value)} is not allowed: use lower-case letters, digits and hyphens, ` +
        `starting with a letter or digit (such as ${example(what)})`,
    );
  return value;
}

const example = (what: string) =>
  what === "region" ? "westeurope" : "contoso-edi-20261124-184500z";

/** Refuses anything that could escape its folder or make an odd blob name. */
export const checkName = (name: string) => check("archive name", name);
export const checkRegion = (region: string) => check("region", region);

/** `<name>.sfbackup` back to `<name>`, or null for anything else in the folder. */
export function archiveNameOf(fileName: string): string | null {
  if (!fileName.endsWith(ARCHIVE_EXTENSION)) return null;
  const name = fileName.slice(0, -ARCHIVE_EXTENSION.length);
  return SAFE.test(name) && name.length <= MAX_LENGTH ? name : null;
}

export function abortedError(signal: AbortSignal | undefined, what: string): Error {
  const reason = signal?.reason;
  const detail = reason instanceof Error ? reason.message : reason ? String(reason) : "aborted";
  const error = new Error(`${what} was cancelled: ${detail}`);
  error.name = "AbortError";
  return error;
}

/** Newest first, then by name, so listings are stable. */
export const newestFirst = (a: { name: string; modifiedAt: Date }, b: typeof a) =>
  b.modifiedAt.getTime() - a.modifiedAt.getTime() || a.name.localeCompare(b.name);
