/** Background jobs: the loop every worker runs, and the heartbeat by which a lost worker is noticed. */
export * from "./heartbeat";
export * from "./loop";
