import { describe, expect, it } from "vitest";
import { DueQueue } from "./due-queue";

describe("DueQueue", () => {
  it("hands out entries earliest first, only once they are due", () => {
    const q = new DueQueue<string>();
    const dues = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000);
    dues.forEach((d, i) => q.push(`x${i}`, d));
    expect(q.popDue(-1)).toBeUndefined();
    const out: number[] = [];
    for (let e = q.popDue(10_000); e; e = q.popDue(10_000)) out.push(e.due);
    expect(out).toEqual([...dues].sort((a, b) => a - b));
    expect(q.size).toBe(0);
  });

  it("stops at the first entry that is not yet due", () => {
    const q = new DueQueue<number>();
    [30, 10, 20].forEach((d) => q.push(d, d));
    expect(q.popDue(15)?.item).toBe(10);
    expect(q.popDue(15)).toBeUndefined();
    expect(q.size).toBe(2);
  });
});
