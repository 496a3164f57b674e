/** A store that tests can take away and bring back: PostgreSQL behind a TCP proxy they cut. */
import { openDatabase, type Database } from "../lib/db";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

export type StoreBehindProxy = { database: Database; proxy: TcpProxy; close(): Promise<void> };

/** Opens the PostgreSQL database at `url` through a proxy, so `proxy.cut()` makes it unreachable. */
export async function storeBehindProxy(url: string): Promise<StoreBehindProxy> {
  const target = new URL(url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  target.host = `127.0.0.1:${proxy.port}`;
  const database = await openDatabase({ databaseUrl: target.toString(), dataDir: null });
  return {
    database,
    proxy,
    async close() {
      await proxy.close();
      await database.close();
    },
  };
}

/** A fresh in-memory embedded store, for tests that close it under a running request. */
export const openEmbeddedStore = () => openDatabase({ dataDir: null });
