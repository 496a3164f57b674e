/**
 * Where the poller reports each read (lib/metrics listens, for /metrics). Dependency-free on purpose: the poller is in
 * every bundle (pages import lib/health), while the Prometheus registry lives in the server's.
 * On globalThis, so the custom server's metrics hear the poller whichever bundle runs it.
 */
export type PollObserver = (ok: boolean, seconds: number) => void;

const KEY = Symbol.for("standfast.metrics.pollObserver");
type Holder = { [KEY]?: PollObserver };

export function observePollRead(ok: boolean, seconds: number): void {
  (globalThis as Holder)[KEY]?.(ok, seconds);
}

export function setPollObserver(observer: PollObserver | undefined): void {
  (globalThis as Holder)[KEY] = observer;
}
