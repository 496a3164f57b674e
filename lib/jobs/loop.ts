/**
 * A background loop for one kind of database-claimed work: runs `pass` now and then every
 * `tickMs`, at most one pass at a time; `kick()` asks for a pass right away (after a request),
 * or right after the current one. Work is claimed through the database, so every instance runs
 * its own loop safely.
 */
import { logger } from "../log";

export class Loop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private again = false;
  private readonly log;

  constructor(
    name: string,
    private readonly pass: () => Promise<unknown>,
    private readonly tickMs: number,
  ) {
    this.log = logger(name);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.pass()
      .then(
        () => undefined,
        (error: unknown) => void this.log.warn(`pass failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.timer = setTimeout(() => this.kick(), this.tickMs);
      });
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
