/** Background jobs: the loop every worker runs, the heartbeat by which a lost worker is noticed, and the claim-and-run worker built on both. */
export * from "./heartbeat";
export * from "./loop";
export * from "./worker";
