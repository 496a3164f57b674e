import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A 12-character lower-case id, as Statuspage's ids look; 62 bits of randomness. */
export function newId(): string {
  const bytes = randomBytes(12);
  let id = "";
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}

export const isId = (value: string) => /^[0-9a-z]{12}$/.test(value);
