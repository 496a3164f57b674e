/**
 * The shape every job worker shares, one per process: a pass first prepares (fails or requeues
 * jobs whose worker was lost, queues what is due), then claims queued jobs one at a time through
 * the database and runs each, beating every heartbeat while it runs. Each kind of job says how it
 * prepares, claims, beats and runs.
 */
import { DEFAULT_HEARTBEAT_MS, MISSED_BEATS } from "./heartbeat";
import { LoopWorker } from "./loop-worker";

export type JobWorkerSettings = {
  /** The loop's name, as the log shows it. */
  name: string;
  /** The worker's id is this and eight hex digits. */
  idPrefix: string;
  /** How often a pass runs when nothing kicks it. */
  tickMs: number;
  /** How often a running job beats; it counts as lost after MISSED_BEATS silent beats. */
  heartbeatMs?: number;
  /** Pass at least every beat, so lost jobs are looked for often enough that a takeover waits at most one beat more. */
  passEveryBeat?: boolean;
  /** Skip a beat while the one before is still out: never pile beats up behind a slow store. */
  oneBeatAtATime?: boolean;
};

export abstract class JobWorker<Job> extends LoopWorker {
  protected constructor(private readonly settings: JobWorkerSettings) {
    const heartbeatMs = settings.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    super(
      settings.name,
      settings.idPrefix,
      settings.passEveryBeat ? Math.min(settings.tickMs, heartbeatMs) : settings.tickMs,
    );
  }

  get heartbeatMs(): number {
    return this.settings.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  protected runPass(): Promise<number> {
    return this.pass();
  }

  /** One pass: prepare, then claim and run queued jobs until none is left. Exposed for tests. */
  async pass(): Promise<number> {
    await this.prepare(this.heartbeatMs * MISSED_BEATS);
    let ran = 0;
    while (!this.stopping) {
      const job = await this.claim();
      if (!job) break;
      const timer = this.beatWhileRunning(job);
      try {
        await this.run(job);
        ran++;
      } finally {
        clearInterval(timer);
      }
    }
    return ran;
  }

  private beatWhileRunning(job: Job): NodeJS.Timeout {
    if (!this.settings.oneBeatAtATime)
      return setInterval(() => void this.beat(job).catch(() => {}), this.heartbeatMs);
    let beating = false;
    return setInterval(() => {
      if (beating) return;
      beating = true;
      void this.beat(job)
        .catch(() => {})
        .finally(() => (beating = false));
    }, this.heartbeatMs);
  }

  /** Before claiming: handles jobs silent for `lostAfterMs` (their worker was lost) and queues due ones. */
  protected abstract prepare(lostAfterMs: number): Promise<unknown>;
  /** Takes the next queued job for this worker, or null when none is queued. */
  protected abstract claim(): Promise<Job | null>;
  /** Tells the store the job's worker is alive; a failed beat is tried again at the next one. */
  protected abstract beat(job: Job): Promise<unknown>;
  /** Runs the claimed job to its end. */
  protected abstract run(job: Job): Promise<unknown>;
}
