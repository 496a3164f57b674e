/**
 * The generic webhook's signature: `X-Standfast-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">` with the subscription's secret, and the timestamp (Unix seconds) in
 * `X-Standfast-Timestamp`, so a receiver can refuse forged and replayed requests.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does: recompute, compare in constant time, and refuse old timestamps. */
export function verifySignature(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
