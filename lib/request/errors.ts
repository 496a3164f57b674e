import {
  isDomainError,
  isStoreUnreachable,
  STORE_UNREACHABLE_MESSAGE,
  type DomainErrorKind,
} from "../errors";

/** The one place domain errors become HTTP statuses and action results. */
export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  unavailable: 503,
};

/** Seconds a client should wait before asking again while the store is unreachable. */
export const STORE_RETRY_AFTER_SECONDS = 5;

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function toActionResult(error: unknown): ActionResult<never> {
  if (isDomainError(error))
    // A plain copy: field errors are built without a prototype, and React sends only plain objects.
    return {
      ok: false,
      error: error.message,
      fieldErrors: error.fieldErrors ? { ...error.fieldErrors } : undefined,
    };
  if (isStoreUnreachable(error)) {
    console.error(`[store] unreachable: ${(error as Error).message}`);
    return { ok: false, error: STORE_UNREACHABLE_MESSAGE };
  }
  console.error(error);
  return {
    ok: false,
    error: "Something went wrong on the server; it is in the server log. Nothing was changed.",
  };
}

/** A refusal as a form action's result, with the submitted values for the form to show again. */
export function toFormRefusal(
  error: unknown,
  values?: Record<string, string>,
): ActionResult<never> & { values?: Record<string, string> } {
  const result = toActionResult(error);
  return values ? { ...result, values } : result;
}

export function errorResponse(error: unknown): Response {
  if (isDomainError(error)) {
    return Response.json(
      {
        error: {
          code: error.kind,
          message: error.message,
          ...(error.fieldErrors ? { fields: error.fieldErrors } : {}),
        },
      },
      { status: HTTP_STATUS[error.kind], headers: { "cache-control": "no-store" } },
    );
  }
  if (isStoreUnreachable(error)) {
    console.error(`[store] unreachable: ${(error as Error).message}`);
    return Response.json(
      { error: { code: "unavailable", message: STORE_UNREACHABLE_MESSAGE } },
      {
        status: 503,
        headers: {
          "cache-control": "no-store",
          "retry-after": String(STORE_RETRY_AFTER_SECONDS),
        },
      },
    );
  }
  console.error(error);
  return Response.json(
    { error: { code: "internal", message: "Unexpected server error; it is in the server log." } },
    { status: 500 },
  );
}
