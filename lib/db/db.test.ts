import { sql } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, tables } from "./index";
import { openPglite } from "./pglite";
import { createTestDatabase, ENGINES } from "../../testing/db";
import { driverError, type Database } from "./types";

const failure = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => "succeeded",
    (error: unknown) => driverError(error).message,
  );

describe.each(ENGINES)("store on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it("applies the migrations", async () => {
    expect(await queryRows(database.db, sql`select count(*)::int as n from regions`)).toEqual([
      { n: 0 },
    ]);
  });

  it("migrating again is a no-op", async () => {
    await database.migrate(path.join(process.cwd(), "migrations"));
    await database.db.insert(tables.regions).values({ id: "westeurope", name: "West Europe" });
    expect(await database.db.select().from(tables.regions)).toHaveLength(1);
  });

  it("refuses to change or delete audit rows", async () => {
    await database.db.insert(tables.auditLog).values({
      actorKind: "system",
      actorId: "test",
      action: "test.append",
      outcome: "ok",
    });
    expect(await failure(database.db.update(tables.auditLog).set({ outcome: "changed" }))).toMatch(
      /audit_log is append-only: UPDATE/,
    );
    expect(await failure(database.db.delete(tables.auditLog))).toMatch(/append-only: DELETE/);
    expect(await failure(database.db.execute(sql`truncate audit_log`))).toMatch(
      /append-only: TRUNCATE/,
    );
    const rows = await database.db.select().from(tables.auditLog);
    expect(rows.map((r) => r.outcome)).toEqual(["ok"]);
  });
});

describe("embedded data folder", () => {
  it("refuses a second opener with a clear message and frees the folder on close", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-lock-"));
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(/in use by another Standfast process \(pid \d+/);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-lock-"));
    fs.writeFileSync(
      path.join(dir, "standfast.lock"),
      JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), startedAt: "2020-01-01T00:00:00Z" }),
    );
    const database = await openPglite(dir);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
