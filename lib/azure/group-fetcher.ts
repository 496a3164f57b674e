import "server-only";

/** Fetches many members of one group in one call; a member missing from the answer is an Error. */
export type FetchGroup<R> = (
  group: string,
  members: string[],
  signal: AbortSignal,
) => Promise<Map<string, R | Error>>;

export type GetOptions = {
  signal: AbortSignal;
  /** A cached answer younger than this is used as is. */
  maxAgeMs: number;
  /** How long the call may take on this reader's behalf. */
  timeoutMs: number;
};

type Deferred = { promise: Promise<void>; resolve(): void };
const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

type Group<R> = {
  /** Every member read lately: when it was last asked for, and how old an answer it takes. */
  members: Map<string, { askedAt: number; maxAgeMs: number }>;
  results: Map<string, { at: number; value: R | Error }>;
  inFlight: Map<string, Deferred>;
  pending: Set<string>;
  pendingUntil: number;
  timer: NodeJS.Timeout | undefined;
};

/**
 * Coalesces reads into batched calls, per group (such as one subscription, region and metric
 * namespace). Reads of a group arriving within `windowMs` share a call, and each call also
 * refreshes the group's other recent members, so that members read at different moments of an
 * interval are served from the answer while it is younger than their `maxAgeMs`. Groups never
 * wait on each other, and every read gives up at its own signal.
 */
export class GroupFetcher<R> {
  private readonly groups = new Map<string, Group<R>>();
  private readonly windowMs: number;
  private readonly maxBatch: number;
  private readonly memberTtlMs: number;

  constructor(
    private readonly fetchGroup: FetchGroup<R>,
    options: { windowMs?: number; maxBatch?: number; memberTtlMs?: number } = {},
  ) {
    this.windowMs = options.windowMs ?? 100;
    this.maxBatch = options.maxBatch ?? 50;
    this.memberTtlMs = options.memberTtlMs ?? 15 * 60_000;
  }

  get(group: string, member: string, options: GetOptions): Promise<R> {
    const g = this.group(group);
    const now = Date.now();
    g.members.set(member, { askedAt: now, maxAgeMs: options.maxAgeMs });
    const cached = g.results.get(member);
    if (cached && now - cached.at <= options.maxAgeMs) return unwrap(cached.value);
    let flight = g.inFlight.get(member);
    if (!flight) {
      flight = deferred();
      g.inFlight.set(member, flight);
      g.pending.add(member);
      g.pendingUntil = Math.max(g.pendingUntil, now + options.timeoutMs);
      if (g.pending.size >= this.maxBatch) this.flush(group, g);
      else g.timer ??= setTimeout(() => this.flush(group, g), this.windowMs);
    }
    const done = flight.promise.then(() => {
      const result = g.results.get(member);
      return result ? unwrap(result.value) : Promise.reject(new Error("no answer for it"));
    });
    return untilAborted(done, options.signal);
  }

  private group(key: string): Group<R> {
    let g = this.groups.get(key);
    if (!g) {
      g = {
        members: new Map(),
        results: new Map(),
        inFlight: new Map(),
        pending: new Set(),
        pendingUntil: 0,
        timer: undefined,
      };
      this.groups.set(key, g);
    }
    return g;
  }

  private flush(key: string, g: Group<R>): void {
    clearTimeout(g.timer);
    g.timer = undefined;
    const now = Date.now();
    const asked = [...g.pending];
    const until = g.pendingUntil;
    g.pending.clear();
    g.pendingUntil = 0;
    for (const [member, { askedAt }] of g.members) {
      if (now - askedAt > this.memberTtlMs) {
        g.members.delete(member);
        g.results.delete(member);
      }
    }
    // Members read lately ride along, so their next read finds a fresh answer; not those just fetched.
    const extra = [...g.members].flatMap(([m, { maxAgeMs }]) => {
      const result = g.results.get(m);
      const fresh = result && now - result.at < maxAgeMs / 2;
      return g.inFlight.has(m) || fresh ? [] : [m];
    });
    for (const m of extra) g.inFlight.set(m, deferred());
    const all = [...asked, ...extra];
    // The call ends a little before its readers give up, so they get its explanation, not just "aborted".
    const timeoutMs = Math.max(until - now - Math.min(200, (until - now) / 10), 500);
    for (let i = 0; i < all.length; i += this.maxBatch)
      void this.call(key, g, all.slice(i, i + this.maxBatch), timeoutMs);
  }

  private async call(
    key: string,
    g: Group<R>,
    members: string[],
    timeoutMs: number,
  ): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let answer: Map<string, R | Error>;
    try {
      answer = await this.fetchGroup(key, members, controller.signal);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      answer = new Map(members.map((m) => [m, e]));
    } finally {
      clearTimeout(timer);
    }
    const at = Date.now();
    for (const m of members) {
      g.results.set(m, {
        at,
        value: answer.get(m) ?? new Error("Azure's answer did not include it"),
      });
      const flight = g.inFlight.get(m);
      g.inFlight.delete(m);
      flight?.resolve();
    }
  }
}

const unwrap = <R>(value: R | Error): Promise<R> =>
  value instanceof Error ? Promise.reject(value) : Promise.resolve(value);

/** Settles with `promise`, or rejects as soon as `signal` aborts, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(new Error("aborted"));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
