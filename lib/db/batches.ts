/**
 * Rows per statement for multi-row inserts: PostgreSQL's wire protocol carries at most 65,535
 * parameters per statement, so a batch of N rows x C columns must stay under it. 1,000 rows
 * keeps every table here (at most ~12 columns) well inside.
 */
export function chunks<T>(rows: T[], size = 1_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Batches of at most `maxRows` rows and about `maxBytes` (a row bigger than that goes alone).
 * Embedded PGlite's memory grows to hold the largest statement it has run and never shrinks,
 * so a bulk write of big values must not become one huge statement.
 */
export function* batchesBySize<T>(
  rows: Iterable<T>,
  sizeOf: (row: T) => number,
  { maxBytes = 1_000_000, maxRows = 1_000 }: { maxBytes?: number; maxRows?: number } = {},
): Generator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = sizeOf(row);
    if (batch.length && (bytes + size > maxBytes || batch.length >= maxRows)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += size;
  }
  if (batch.length) yield batch;
}
