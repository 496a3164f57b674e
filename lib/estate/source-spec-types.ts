import { z } from "zod";
import { KNOWN_STATUSES } from "../status/vocabulary";
import { AzureMetricsSource, AzureResourceHealthSource } from "./azure-spec-types";
import { DurationText } from "../time/duration-types";

export { DurationText };

const degradedAfter = DurationText.optional().describe(
  "latency above which the component is degraded_performance",
);

export const SimulatedSource = z.strictObject({
  type: z.literal("simulated"),
  latencyMs: z.number().min(0).max(60_000).default(40),
  jitterMs: z.number().min(0).max(60_000).default(20),
  status: z.enum(KNOWN_STATUSES).default("operational"),
});

export const HttpSource = z
  .strictObject({
    type: z.literal("http"),
    url: z.url({ protocol: /^https?$/, message: "expected an http:// or https:// URL" }),
    method: z.enum(["GET", "HEAD"]).default("GET"),
    expectStatus: z
      .union([
        z.number().int().min(100).max(599),
        z.array(z.number().int().min(100).max(599)).min(1),
      ])
      .optional()
      .describe("default: any 2xx or 3xx"),
    bodyMatch: z.string().min(1).optional().describe("a substring the body must contain"),
    headers: z.record(z.string(), z.string()).optional(),
    degradedAfter,
  })
  // A HEAD answer has no body: a bodyMatch there would never be checked, a silent false green.
  .refine((s) => !(s.bodyMatch && s.method === "HEAD"), {
    message: "bodyMatch needs the body: use method GET, or leave out bodyMatch",
    path: ["bodyMatch"],
  });

export const TcpSource = z.strictObject({
  type: z.literal("tcp"),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  degradedAfter,
});

export const PostgresSource = z
  .strictObject({
    type: z.literal("postgres"),
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected a postgres:// URL")
      .optional(),
    urlEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, "expected an environment variable name")
      .optional(),
    degradedAfter,
  })
  .refine((s) => Boolean(s.url) !== Boolean(s.urlEnv), {
    message:
      "give exactly one of url (a postgres:// URL) or urlEnv (the environment variable holding it)",
  });

/** One probe. */
export const SourceSpec = z.discriminatedUnion("type", [
  SimulatedSource,
  HttpSource,
  TcpSource,
  PostgresSource,
  AzureMetricsSource,
  AzureResourceHealthSource,
]);
export type SourceSpec = z.output<typeof SourceSpec>;
export type SourceType = SourceSpec["type"];

/** How a component is read: one source, or one source per role instance. */
export type ReadSpec =
  SourceSpec | { type: "each-instance"; instances: { name: string; source: SourceSpec }[] };
