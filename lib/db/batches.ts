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
