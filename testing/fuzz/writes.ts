/**
 * Watches every write to the store, so a fuzz suite can tell that a refused input changed
 * nothing: a row trigger on every table appends the table and operation to `fuzz_writes`, inside
 * the writer's own transaction (a write rolled back leaves no trace). Not watched: the audit log
 * (refusals are audited on purpose) and better-auth's rate-limit counters (every attempt counts).
 * Also the figures the issue names: every table's row count and the services' configuration hash.
 */
export type Query = <T>(text: string) => Promise<T[]>;

export const UNWATCHED_TABLES = ["audit_log", "rate_limits", "fuzz_writes"];

export async function installWriteWatch(query: Query): Promise<void> {
  await query(
    `create table if not exists fuzz_writes (id bigserial primary key, tbl text, op text)`,
  );
  await query(`create or replace function fuzz_write() returns trigger language plpgsql as $$
    begin insert into fuzz_writes (tbl, op) values (TG_TABLE_NAME, TG_OP); return null; end $$`);
  for (const table of await tablesOf(query)) {
    if (UNWATCHED_TABLES.includes(table)) continue;
    await query(`drop trigger if exists fuzz_write on "${table}"`);
    await query(
      `create trigger fuzz_write after insert or update or delete on "${table}" for each row execute function fuzz_write()`,
    );
  }
}

async function tablesOf(query: Query): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.name);
}

/** The id of the last write seen; writes after it are what the next input did. */
export async function writeMark(query: Query): Promise<number> {
  const [row] = await query<{ n: string | number }>(
    `select coalesce(max(id), 0) as n from fuzz_writes`,
  );
  return Number(row?.n ?? 0);
}

/** The writes after `mark`, as `table op` lines (none when nothing changed). */
export async function writesSince(query: Query, mark: number): Promise<string[]> {
  const rows = await query<{ tbl: string; op: string }>(
    `select tbl, op from fuzz_writes where id > ${Number(mark)} order by id limit 20`,
  );
  return rows.map((r) => `${r.op} ${r.tbl}`);
}

/** Every watched table's row count and the hash of the services' configurations. */
export async function storeFingerprint(query: Query): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const table of await tablesOf(query)) {
    if (UNWATCHED_TABLES.includes(table)) continue;
    const [row] = await query<{ n: string | number }>(`select count(*) as n from "${table}"`);
    out[table] = Number(row?.n ?? 0);
  }
  const [hash] = await query<{ h: string | null }>(
    `select md5(string_agg(service_id || ':' || version || ':' || configuration::text, ',' order by service_id)) as h from service_configurations`,
  );
  out.configurationHash = hash?.h ?? "";
  return out;
}
