import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import { errorText } from "../status/reading-types";

/**
 * One logical call to Azure (a query with its retries). Policies in every client's pipeline find
 * it through async context: they apply its abort signal to each attempt, even where an SDK method
 * does not pass one on, and note each failed attempt, so a read that runs out of time can say why.
 */
type CallState = { signal: AbortSignal | undefined; attempts: number; lastFailure: string | null };
const calls = new AsyncLocalStorage<CallState>();

export class AzureCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** Worth asking again later (throttling, server errors, time-outs), as opposed to a setup problem. */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "AzureCallError";
  }
}

function describeResponse(response: PipelineResponse): string {
  let code = "";
  try {
    const body = JSON.parse(response.bodyAsText ?? "") as { error?: { code?: string } };
    if (body?.error?.code) code = ` ${body.error.code}`;
  } catch {
    /* not JSON: the status says enough */
  }
  const retryAfter = response.headers.get("retry-after");
  return `HTTP ${response.status}${code}${retryAfter ? ` (Retry-After ${retryAfter} s)` : ""}`;
}

export const callSignalPolicy: PipelinePolicy = {
  name: "standfastCallSignal",
  sendRequest(request, next) {
    const signal = calls.getStore()?.signal;
    if (signal)
      request.abortSignal = request.abortSignal
        ? AbortSignal.any([request.abortSignal as AbortSignal, signal])
        : signal;
    return next(request);
  },
};

export const callAttemptsPolicy: PipelinePolicy = {
  name: "standfastCallAttempts",
  async sendRequest(request, next) {
    const state = calls.getStore();
    if (state?.signal?.aborted) throw new Error("aborted");
    try {
      const response = await next(request);
      if (state) {
        state.attempts++;
        if (response.status >= 400) state.lastFailure = describeResponse(response);
      }
      return response;
    } catch (error) {
      if (state && !state.signal?.aborted) {
        state.attempts++;
        state.lastFailure = errorText(error);
      }
      throw error;
    }
  },
};

/** Runs `fn` as one call: aborted with `signal`, and explained when it is. */
export async function runCall<T>(
  what: string,
  signal: AbortSignal | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  const state: CallState = { signal, attempts: 0, lastFailure: null };
  try {
    return await calls.run(state, fn);
  } catch (error) {
    if (signal?.aborted) {
      const tries =
        state.lastFailure && state.attempts
          ? `; ${state.attempts} ${state.attempts === 1 ? "try" : "tries"}, the last: ${state.lastFailure}`
          : "";
      throw new AzureCallError(`${what}: no answer in time${tries}`, null, true);
    }
    throw error;
  }
}
