import { sql } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { queryRows } from "./index";
import { openPglite } from "./pglite";
import { PGLITE_SETTINGS } from "./pglite-memory";

const MB = 1024 * 1024;
const folders: string[] = [];
const freshFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-pglite-"));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// Creating a cluster takes a while on a busy machine.
describe("embedded store memory", { timeout: 180_000 }, () => {
  it("runs with the small buffer cache it is configured with", async () => {
    const database = await openPglite(null);
    try {
      const [row] = await queryRows<{ shared_buffers: string }>(
        database.db,
        sql`show shared_buffers`,
      );
      expect(row!.shared_buffers).toBe(PGLITE_SETTINGS.shared_buffers);
    } finally {
      await database.close();
    }
  });

  it("creates a fresh data folder's cluster without keeping initdb's memory", async () => {
    const dir = freshFolder();
    const before = process.memoryUsage().external;
    const database = await openPglite(dir);
    try {
      await database.db.execute(sql`create table kept (n int)`);
      await database.db.execute(sql`insert into kept values (7)`);
      // initdb in this process left ~600 MB of WASM memory behind; the running store needs ~150.
      expect((process.memoryUsage().external - before) / MB).toBeLessThan(300);
    } finally {
      await database.close();
    }
    const again = await openPglite(dir);
    try {
      expect(await queryRows(again.db, sql`select n from kept`)).toEqual([{ n: 7 }]);
    } finally {
      await again.close();
    }
  });

  it("says which folder it could not create the database in", async () => {
    const dir = freshFolder();
    fs.writeFileSync(path.join(dir, "pg"), "not a folder");
    await expect(openPglite(dir)).rejects.toThrow(
      `Could not create the embedded database in ${path.join(dir, "pg")}`,
    );
  });
});
