import "server-only";
import type { ReadContext, Reading } from "../status/reading-types";
import { AzureCallError } from "./calls";

/**
 * What a failed Azure read means. A setup problem (a 4xx such as 404 PathNotFound or 403, a
 * credential that cannot sign in, a resource the answer leaves out) is known now: the reading is
 * `unknown` with the reason. A transient one (throttling, server errors, no answer in time) is
 * thrown, so the poller keeps the last good status until it is stale and then turns it `unknown`
 * with this reason: never a stale green, and no flapping on one throttled call.
 */
export function readFailure(what: string, error: unknown, ctx: ReadContext): Reading {
  if (error instanceof AzureCallError) {
    if (error.transient) throw error;
    return { status: "unknown", latencyMs: null, reason: error.message };
  }
  if (ctx.signal.aborted) throw new Error(`${what}: no answer within ${ctx.timeoutMs} ms`);
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: "unknown",
    latencyMs: null,
    reason: message.startsWith(what) ? message : `${what}: ${message}`,
  };
}
