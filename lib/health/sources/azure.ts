import {
  azureRuntime,
  readAzureMetrics,
  readAzureResourceHealth,
  type AzureMetricsSource,
  type AzureResourceHealthSource,
} from "../../azure";
import type { Source } from "../source-types";

/** Batched through the process-wide Azure runtime, so reads of one group share a call. */
export const azureMetricsSource: Source<AzureMetricsSource> = {
  read: (spec, component, ctx) => readAzureMetrics(azureRuntime(), spec, component, ctx),
};

export const azureResourceHealthSource: Source<AzureResourceHealthSource> = {
  read: (spec, component, ctx) => readAzureResourceHealth(azureRuntime(), spec, component, ctx),
};
