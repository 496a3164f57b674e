import { describe, expect, it } from "vitest";
import { batchesBySize } from "./batches";

describe("batchesBySize", () => {
  const sizes = (batches: number[][]) => batches.map((b) => b.reduce((a, n) => a + n, 0));

  it("keeps each batch within the byte budget, a bigger row alone", () => {
    const rows = [400, 400, 400, 2_500, 100, 900, 50];
    const batches = [...batchesBySize(rows, (n) => n, { maxBytes: 1_000 })];
    expect(batches).toEqual([[400, 400], [400], [2_500], [100, 900], [50]]);
    expect(sizes(batches).filter((s, i) => s > 1_000 && batches[i]!.length > 1)).toEqual([]);
  });

  it("keeps each batch within the row budget and loses no row", () => {
    const rows = Array.from({ length: 2_501 }, (_, i) => i);
    const batches = [...batchesBySize(rows, () => 1, { maxRows: 1_000 })];
    expect(batches.map((b) => b.length)).toEqual([1_000, 1_000, 501]);
    expect(batches.flat()).toEqual(rows);
  });
});
