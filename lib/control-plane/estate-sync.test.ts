import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { DEMO_ESTATE } from "../estate/demo";
import { loadDemoEstate, parseEstate } from "../estate/load";
import { readEstate } from "../estate/read";
import { syncEstate } from "./estate-sync";

const defaults = { intervalMs: 30_000, timeoutMs: 5_000 };

describe.each(ENGINES)("estate sync on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it("writes the estate and reads it back as declared", async () => {
    const estate = loadDemoEstate(defaults);
    expect(await syncEstate(database.db, estate)).toEqual({ version: 1, changed: true });
    const read = await readEstate(database.db);
    expect(read.demo).toBe(true);
    expect(read.regions.map((r) => r.id)).toEqual(estate.regions.map((r) => r.id));
    expect(read.services.map((s) => s.id)).toEqual(estate.services.map((s) => s.id));
    expect(read.services.find((s) => s.id === "fabrikam-eai")!.state).toBe("suspended");
    expect(read.services.find((s) => s.id === "fabrikam-b2b")!.components).toEqual(
      estate.services.find((s) => s.id === "fabrikam-b2b")!.components,
    );
    expect(new Set(read.components.map((c) => c.id))).toEqual(
      new Set(estate.components.map((c) => c.id)),
    );
  });

  it("does nothing when the same estate is synced again", async () => {
    expect(await syncEstate(database.db, loadDemoEstate(defaults))).toEqual({
      version: 1,
      changed: false,
    });
  });

  it("keeps a service's runtime state, and retires what the estate no longer declares", async () => {
    await database.db
      .update(tables.services)
      .set({ state: "stopped" })
      .where(eq(tables.services.id, "contoso-edi"));
    const doc = structuredClone(DEMO_ESTATE);
    doc.services = doc.services.filter((s) => s.name !== "northwind-dev");
    const smaller = parseEstate(doc, "estate.yaml", defaults);
    expect(await syncEstate(database.db, smaller)).toEqual({ version: 2, changed: true });
    const read = await readEstate(database.db);
    expect(read.demo).toBe(false);
    expect(read.services.map((s) => s.id)).not.toContain("northwind-dev");
    expect(read.components.map((c) => c.id)).not.toContain("northwind-dev.roles");
    expect(read.regions.map((r) => r.id)).toContain("southeastasia");
    expect(read.services.find((s) => s.id === "contoso-edi")!.state).toBe("stopped");
    const [retired] = await database.db
      .select()
      .from(tables.services)
      .where(eq(tables.services.id, "northwind-dev"));
    expect(retired!.retiredAt).toBeInstanceOf(Date);
  });

  it("brings a retired service back when it is declared again", async () => {
    await syncEstate(database.db, loadDemoEstate(defaults));
    const read = await readEstate(database.db);
    expect(read.services.map((s) => s.id)).toContain("northwind-dev");
    expect(read.components.map((c) => c.id)).toContain("northwind-dev.acs");
    expect(read.version).toBe(3);
  });
});
