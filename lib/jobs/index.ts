/**
 * Background jobs: the loop every worker runs, the heartbeat by which a lost worker is noticed,
 * and the workers built on both (a loop worker, and a claim-and-run job worker).
 */
export * from "./heartbeat";
export * from "./loop";
export * from "./loop-worker";
export * from "./worker";
