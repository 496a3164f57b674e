import type { z } from "zod";
import type { HttpSource } from "../../estate/source-spec-types";
import { errorText, withLatencyRule, type Reading } from "../../status/reading-types";
import type { Source } from "../source-types";

type Spec = z.output<typeof HttpSource>;
const MAX_BODY = 1_000_000;

const expected = (spec: Spec, status: number) =>
  spec.expectStatus === undefined
    ? status >= 200 && status < 400
    : Array.isArray(spec.expectStatus)
      ? spec.expectStatus.includes(status)
      : spec.expectStatus === status;

async function readLimited(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString("utf8");
}

/** Status code, optional body match and latency of one HTTP request. */
export const httpSource: Source<Spec> = {
  async read(spec, _component, ctx): Promise<Reading> {
    const started = performance.now();
    try {
      const response = await fetch(spec.url, {
        method: spec.method,
        headers: spec.headers,
        redirect: "manual",
        signal: ctx.signal,
        cache: "no-store",
      });
      const latencyMs = performance.now() - started;
      if (!expected(spec, response.status)) {
        await response.body?.cancel().catch(() => {});
        return {
          status: "major_outage",
          latencyMs,
          reason: `HTTP ${response.status} ${response.statusText}`.trim(),
        };
      }
      if (spec.bodyMatch && spec.method === "GET") {
        const body = await readLimited(response);
        if (!body.includes(spec.bodyMatch)) {
          return {
            status: "major_outage",
            latencyMs,
            reason: `HTTP ${response.status}, but the body does not contain ${JSON.stringify(spec.bodyMatch)}`,
          };
        }
      } else {
        await response.body?.cancel().catch(() => {});
      }
      return withLatencyRule(
        { status: "operational", latencyMs, reason: null },
        spec.degradedAfter,
      );
    } catch (error) {
      const latencyMs = performance.now() - started;
      if (ctx.signal.aborted)
        return {
          status: "major_outage",
          latencyMs: null,
          reason: `no response within ${ctx.timeoutMs} ms`,
        };
      return { status: "major_outage", latencyMs, reason: errorText(error) };
    }
  },
};
