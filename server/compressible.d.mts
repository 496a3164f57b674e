/** Types for server/compressible.mjs. */
export const BROTLI_SUFFIX: string;
export function isCompressible(extension: string, bytes: number): boolean;
