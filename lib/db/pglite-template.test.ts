import { sql } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, openDatabase, queryRows } from "./index";
import { copyTemplate, makeTemplate, usableTemplate } from "./pglite-template";

let tmp: string;
let template: string;
let migrations: string;

// Creating a cluster takes a while on a busy machine.
describe("a new data folder's store from the build's template", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-template-"));
    template = path.join(tmp, "template");
    migrations = path.join(tmp, "migrations");
    fs.cpSync(MIGRATIONS_FOLDER, migrations, { recursive: true });
    await makeTemplate(template, migrations);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("is a created, migrated cluster a new folder starts from, and each copy is its own", async () => {
    const first = path.join(tmp, "first", "pg");
    const second = path.join(tmp, "second", "pg");
    fs.mkdirSync(path.dirname(first));
    fs.mkdirSync(path.dirname(second));
    expect(copyTemplate(first, migrations, template)).toBe(true);
    expect(copyTemplate(second, migrations, template)).toBe(true);

    const a = await openDatabase({ dataDir: path.dirname(first), migrations });
    try {
      // Migrated already: the tables are there before anything is written.
      const applied = await queryRows<{ n: number }>(
        a.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]!.n).toBe(
        fs.readdirSync(migrations).filter((f) => f.endsWith(".sql")).length,
      );
      await a.db.execute(sql`insert into regions (id, name) values ('only-in-first', 'First')`);
    } finally {
      await a.close();
    }
    const b = await openDatabase({ dataDir: path.dirname(second), migrations });
    try {
      expect(await queryRows(b.db, sql`select id from regions`)).toEqual([]);
    } finally {
      await b.close();
    }
    expect(fs.readdirSync(path.dirname(first)).some((f) => f.includes(".partial-"))).toBe(false);
  });

  it("is not used once the migrations differ from those it was made with", () => {
    const changed = path.join(tmp, "changed-migrations");
    fs.cpSync(migrations, changed, { recursive: true });
    fs.writeFileSync(path.join(changed, "9999_later.sql"), "select 1;");
    expect(usableTemplate(template, changed)).toBe(false);
    const pgDir = path.join(tmp, "changed", "pg");
    fs.mkdirSync(path.dirname(pgDir));
    expect(copyTemplate(pgDir, changed, template)).toBe(false);
    expect(fs.existsSync(pgDir)).toBe(false);
  });

  it("never copies into a folder that holds anything", () => {
    const pgDir = path.join(tmp, "occupied", "pg");
    fs.mkdirSync(pgDir, { recursive: true });
    fs.writeFileSync(path.join(pgDir, "someone's file"), "kept");
    expect(copyTemplate(pgDir, migrations, template)).toBe(false);
    expect(fs.readdirSync(pgDir)).toEqual(["someone's file"]);
  });
});
