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
