/**
 * A worker that runs its passes in a Loop, one per process: `start()`, `kick()` for a pass now
 * (after a request), `stop()` to start no more and wait for the pass in hand. What a pass does is
 * the worker's own; once it is stopping, `stopping` tells the pass to claim no more.
 */
import { randomUUID } from "node:crypto";
import { Loop } from "./loop";

export abstract class LoopWorker {
  readonly id: string;
  private readonly loop: Loop;
  private halted = false;

  /** `name` is the loop's name in the log; the worker's id is `idPrefix` and eight hex digits. */
  protected constructor(name: string, idPrefix: string, tickMs: number) {
    this.id = `${idPrefix}-${randomUUID().slice(0, 8)}`;
    this.loop = new Loop(name, () => this.runPass(), tickMs);
  }

  start(): void {
    this.halted = false;
    this.loop.start();
  }

  /** Runs a pass now (after a request), or right after the current one. */
  kick(): void {
    this.loop.kick();
  }

  async stop(): Promise<void> {
    this.halted = true;
    await this.loop.stop();
  }

  protected get stopping(): boolean {
    return this.halted;
  }

  /** One pass of the loop. */
  protected abstract runPass(): Promise<unknown>;
}
