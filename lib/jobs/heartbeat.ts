/**
 * Background jobs (backups, restores) prove their worker alive by beating every heartbeat; a job
 * silent for MISSED_BEATS beats is taken over by any instance (STANDFAST_JOB_HEARTBEAT).
 */
export const DEFAULT_HEARTBEAT_MS = 5_000;
export const MISSED_BEATS = 2;
