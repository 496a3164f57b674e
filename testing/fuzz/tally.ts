/**
 * The fuzz suites' figures: inputs sent, answers by status class and time spent, per target and
 * in all, so the numbers can be quoted; and the answers that broke the rules, to fail with.
 */
const CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;

export type Figures = Record<(typeof CLASSES)[number], number> & {
  inputs: number;
  seconds: number;
};

const empty = (): Figures => ({ inputs: 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, seconds: 0 });

export class Tally {
  readonly byTarget = new Map<string, Figures>();
  readonly failures: string[] = [];

  count(target: string, status: number): void {
    const figures = this.figures(target);
    figures.inputs++;
    figures[CLASSES[Math.min(3, Math.max(0, Math.floor(status / 100) - 2))]!]++;
  }

  /** Adds to the time spent on a target (sending, answering, checking the store). */
  time(target: string, seconds: number): void {
    this.figures(target).seconds += seconds;
  }

  fail(target: string, what: string): void {
    if (this.failures.length < 20) this.failures.push(`${target}: ${what}`);
  }

  total(): Figures {
    const sum = empty();
    for (const f of this.byTarget.values())
      for (const k of Object.keys(sum) as (keyof Figures)[]) sum[k] += f[k];
    return sum;
  }

  /** A table for the test output: one line per target, then the total. */
  report(title: string): string {
    const line = (name: string, f: Figures) =>
      `${name.padEnd(48)} ${String(f.inputs).padStart(6)} ${CLASSES.map((k) =>
        String(f[k]).padStart(6),
      ).join(" ")} ${f.seconds.toFixed(1).padStart(7)}`;
    return [
      `\n${title}`,
      `${"target".padEnd(48)} ${"inputs".padStart(6)}    2xx    3xx    4xx    5xx seconds`,
      ...[...this.byTarget].map(([name, f]) => line(name, f)),
      line("total", this.total()),
    ].join("\n");
  }

  private figures(target: string): Figures {
    let figures = this.byTarget.get(target);
    if (!figures) this.byTarget.set(target, (figures = empty()));
    return figures;
  }
}
