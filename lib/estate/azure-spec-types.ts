/** Client-safe: the `azure-metrics` and `azure-resource-health` source specs of the estate file. */
import { z } from "zod";
import { DurationText } from "../time/duration-types";
import { AzureConnection } from "./azure-connection-types";
import { defaultMetricRules } from "./azure-metric-defaults";
import { AzureResourceId, parseResourceId } from "./azure-resource-id-types";

export const AGGREGATIONS = ["average", "minimum", "maximum", "total", "count"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

const LEVELS = ["degraded", "partial", "major"] as const;

const Levels = z
  .strictObject({
    degraded: z.number().finite().optional(),
    partial: z.number().finite().optional(),
    major: z.number().finite().optional(),
  })
  .refine((l) => LEVELS.some((k) => l[k] !== undefined), {
    message: "give at least one of degraded, partial or major",
  });

export const MetricRule = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .describe("the metric's name as Azure Monitor lists it, e.g. cpu_percent"),
    aggregation: z.enum(AGGREGATIONS).default("average"),
    above: Levels.optional().describe("higher is worse: the status once the value is above each"),
    below: Levels.optional().describe("lower is worse: the status once the value is below each"),
    noData: z
      .enum(["unknown", "operational"])
      .default("unknown")
      .describe("what a window without a value means"),
  })
  .superRefine((rule, ctx) => {
    if (Boolean(rule.above) === Boolean(rule.below)) {
      ctx.addIssue({
        code: "custom",
        message: "give exactly one of above (higher is worse) or below (lower is worse)",
      });
      return;
    }
    const [key, levels] = rule.above
      ? (["above", rule.above] as const)
      : (["below", rule.below!] as const);
    const given = LEVELS.filter((k) => levels[k] !== undefined);
    for (let i = 1; i < given.length; i++) {
      const [a, b] = [levels[given[i - 1]!]!, levels[given[i]!]!];
      if (key === "above" ? b < a : b > a)
        ctx.addIssue({
          code: "custom",
          path: [key, given[i]!],
          message: `${given[i]} must be ${key === "above" ? "at or above" : "at or below"} ${given[i - 1]} (${a}): a worse status needs a worse value`,
        });
    }
  });
export type MetricRule = z.output<typeof MetricRule>;
export type MetricRuleInput = z.input<typeof MetricRule>;

/** Filled in from the estate's top-level `azure` block; never written by hand. */
const connection = AzureConnection.optional();

export const AzureMetricsSource = z
  .strictObject({
    type: z.literal("azure-metrics"),
    resourceId: AzureResourceId,
    region: z
      .string()
      .regex(/^[a-z0-9]+$/, "expected an Azure region name such as westeurope")
      .optional()
      .describe("the resource's Azure region; default: the component's region id"),
    namespace: z.string().min(1).optional().describe("default: the resource's type"),
    window: DurationText.optional().describe(
      "how far back to look for the latest value (default 15m)",
    ),
    metrics: z.array(MetricRule).min(1).max(20).optional(),
    connection,
  })
  .superRefine((spec, ctx) => {
    const parsed = parseResourceId(spec.resourceId);
    if (!parsed || spec.metrics) return;
    if (!defaultMetricRules(parsed.type))
      ctx.addIssue({
        code: "custom",
        path: ["metrics"],
        message: `there are no default metrics for ${parsed.type}: list the metrics to watch, each with a name and above or below thresholds`,
      });
  });
export type AzureMetricsSource = z.output<typeof AzureMetricsSource>;

export const AzureResourceHealthSource = z.strictObject({
  type: z.literal("azure-resource-health"),
  resourceId: AzureResourceId,
  connection,
});
export type AzureResourceHealthSource = z.output<typeof AzureResourceHealthSource>;

export const DEFAULT_METRICS_WINDOW_MS = 15 * 60_000;
