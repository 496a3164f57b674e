import "server-only";

export { renderMetrics, METRICS_CONTENT_TYPE } from "./collect";
export { getMetrics } from "./registry";
