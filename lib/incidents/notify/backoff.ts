/** When a failed delivery is tried again: exponential backoff with jitter, bounded. Pure. */

export type RetryPolicy = {
  maxAttempts: number;
  baseMs: number;
  maxDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseMs: 5_000,
  maxDelayMs: 15 * 60_000,
};

/**
 * The wait after attempt `attempt` (1-based): base·2^(attempt−1), capped, then "equal jitter"
 * (half fixed, half random) so receivers that failed together are not retried together.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The wait before the next attempt, or null when there is none (final answer, or out of attempts). */
export function retryDelay(
  attempts: number,
  outcome: { permanent: boolean; retryAfterMs?: number },
  policy: RetryPolicy,
  random = Math.random,
): number | null {
  if (outcome.permanent || attempts >= policy.maxAttempts) return null;
  const wait = backoffMs(attempts, policy, random);
  // A receiver's Retry-After is honoured, within the same cap.
  return outcome.retryAfterMs === undefined
    ? wait
    : Math.max(wait, Math.min(outcome.retryAfterMs, policy.maxDelayMs));
}
