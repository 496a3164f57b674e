/** A region a restore may go into: its components read operational or degraded. Unknown never is. */
export const isHealthyRegionStatus = (status: string) =>
  status === "operational" || status === "degraded_performance";
