import { formatWithOptions } from "node:util";
import { redactText } from "./secrets";

/**
 * One line per event, prefixed with its part of the system. Quiet under tests unless asked.
 * Messages are masked: an error's message can quote a connection string.
 */
export function logger(part: string) {
  const quiet = process.env.VITEST && !process.env.STANDFAST_TEST_LOGS;
  const line = (message: string) => `[${part}] ${redactText(message)}`;
  return {
    info: (message: string) => quiet || console.log(line(message)),
    warn: (message: string) => quiet || console.warn(line(message)),
    error: (message: string) => console.error(line(message)),
  };
}
export type Logger = ReturnType<typeof logger>;

const GUARDED = Symbol.for("standfast.consoleGuarded");
const LEVELS = ["log", "info", "warn", "error", "debug"] as const;

/**
 * Masks secrets in every console line of the process, including errors Next.js and libraries
 * print themselves (a PostgreSQL or Azure error can quote a connection string). Lines without a
 * secret are printed exactly as they were given.
 */
export function guardConsole(target: Console = console): void {
  const marked = target as Console & { [GUARDED]?: true };
  if (marked[GUARDED]) return;
  marked[GUARDED] = true;
  for (const level of LEVELS) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      const text = formatWithOptions({ colors: false }, ...args);
      const masked = redactText(text);
      if (masked === text) original(...args);
      else original(masked);
    };
  }
}
