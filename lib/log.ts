/** One line per event, prefixed with its part of the system. Quiet under tests unless asked. */
export function logger(part: string) {
  const quiet = process.env.VITEST && !process.env.STANDFAST_TEST_LOGS;
  return {
    info: (message: string) => quiet || console.log(`[${part}] ${message}`),
    warn: (message: string) => quiet || console.warn(`[${part}] ${message}`),
    error: (message: string) => console.error(`[${part}] ${message}`),
  };
}
export type Logger = ReturnType<typeof logger>;
