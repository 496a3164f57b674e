/** Typed domain errors. They are mapped to HTTP statuses and action results in lib/http/errors.ts only. */
export type DomainErrorKind =
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_state"
  | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const validationError = (message: string, fieldErrors?: Record<string, string[]>) =>
  new DomainError("validation", message, fieldErrors);
export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message: string) => new DomainError("forbidden", message);
export const unauthorized = (message: string) => new DomainError("unauthorized", message);
export const conflict = (message: string) => new DomainError("conflict", message);
export const invalidState = (message: string) => new DomainError("invalid_state", message);
export const unavailable = (message: string) => new DomainError("unavailable", message);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof Error && error.name === "DomainError" && "kind" in error;
}

// Socket errors, PostgreSQL's connection-exception (08) and shutdown (57P) classes, and what the
// drivers say when their connection is gone: the store cannot be reached, whatever was asked.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "3D000",
]);
const UNREACHABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
  /Cannot use a pool after calling end/,
  /^PGlite is closed/,
];

/** Whether an error (or an error it wraps) says the store cannot be reached right now. */
export function isStoreUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    if (UNREACHABLE_MESSAGES.some((m) => m.test(current instanceof Error ? current.message : "")))
      return true;
    current = current.cause;
  }
  return false;
}

/** Said for any request that needs the store while it cannot be reached. */
export const STORE_UNREACHABLE_MESSAGE =
  "The status store is unreachable right now, so this cannot be answered; it will work again as soon as the store is back. Try again shortly.";
