/**
 * The raw HTTP request, below every domain: screening its target and body, reading JSON, checking
 * its origin, and turning domain errors into statuses and action results. Imports no domain, so
 * auth and the route helpers in `lib/http` may both use it. The custom server's own pieces
 * (node:http, Next's router-state validator) are in `./server`.
 */
export { readJson, readText } from "./body";
export {
  errorResponse,
  toActionResult,
  toFormRefusal,
  HTTP_STATUS,
  STORE_RETRY_AFTER_SECONDS,
  type ActionResult,
} from "./errors";
export { formOf, formText, idArgument } from "./action-input";
export { assertOwnOrigin, assertSameOrigin } from "./origin";
export { queryParams } from "./query";
export { checkRequestTarget, type TargetProblem } from "./request-target";
