/** Types for scripts/precompress.mjs, for its test. */
export function precompressStatic(nextDir: string): number;
