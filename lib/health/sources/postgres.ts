import pg from "pg";
import type { z } from "zod";
import type { PostgresSource } from "../../estate/source-spec-types";
import { errorText, withLatencyRule, type Reading } from "../../status/reading-types";
import type { Source } from "../source-types";

type Spec = z.output<typeof PostgresSource>;

/** Connects and runs `select 1`. Credentials never appear in the reason. */
export const postgresSource: Source<Spec> = {
  async read(spec, _component, ctx): Promise<Reading> {
    const url = spec.url ?? (spec.urlEnv ? process.env[spec.urlEnv] : undefined);
    if (!url)
      return {
        status: "unknown",
        latencyMs: null,
        reason: `environment variable ${spec.urlEnv} is not set`,
      };
    const timedOut: Reading = {
      status: "major_outage",
      latencyMs: null,
      reason: `no answer within ${ctx.timeoutMs} ms`,
    };
    if (ctx.signal.aborted) return timedOut;
    const started = performance.now();
    let client: pg.Client;
    try {
      client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: ctx.timeoutMs,
        query_timeout: ctx.timeoutMs,
        application_name: "standfast-probe",
      });
    } catch {
      // The parser's error can carry the URL, password and all; say only where the URL came from.
      return {
        status: "unknown",
        latencyMs: null,
        reason: `${spec.urlEnv ? `environment variable ${spec.urlEnv}` : "url"} is not a valid connection URL`,
      };
    }
    const onAbort = () => void client.end().catch(() => {});
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("select 1");
      return withLatencyRule(
        { status: "operational", latencyMs: performance.now() - started, reason: null },
        spec.degradedAfter,
      );
    } catch (error) {
      if (ctx.signal.aborted) return timedOut;
      const text = errorText(error).replaceAll(url, "(url)");
      return { status: "major_outage", latencyMs: performance.now() - started, reason: text };
    } finally {
      ctx.signal.removeEventListener("abort", onAbort);
      await client.end().catch(() => {});
    }
  },
};
