import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { loadCurrent, recordOutcomes, type Outcome } from "./recorder";

// More rows than one statement can carry: 9,000 samples x 5 columns alone is 45,000 parameters,
// and the status upsert adds 8 per row. One flush of a 10,000-component estate's first pass.
const COUNT = 9_000;

describe.each(ENGINES)("recorder on %s", (engine) => {
  let database: Database;
  const ids = Array.from({ length: COUNT }, (_, i) => `c-${i}`);
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const rows = ids.map((id) => ({
      id,
      name: id,
      kind: "storage",
      region: "westeurope",
      source: { type: "simulated" },
      intervalMs: 30_000,
      timeoutMs: 10_000,
      staleAfterMs: 90_000,
    }));
    for (let i = 0; i < rows.length; i += 1_000)
      await database.db.insert(tables.components).values(rows.slice(i, i + 1_000));
  });
  afterAll(() => database.close());

  it("records thousands of readings and failures from one flush", async () => {
    const at = new Date("2026-11-24T12:00:00Z");
    const outcomes: Outcome[] = ids.map((componentId, i) =>
      i % 10 === 0
        ? { ok: false, componentId, at, error: "ECONNREFUSED" }
        : {
            ok: true,
            componentId,
            at,
            status: "operational",
            latencyMs: 12,
            reason: null,
            detail: null,
          },
    );
    const current = await loadCurrent(database.db);
    await recordOutcomes(database.db, outcomes, current, () => 90_000);

    const count = async (table: string) =>
      Number(
        (
          await queryRows<{ n: string }>(
            database.db,
            sql.raw(`select count(*)::text as n from ${table}`),
          )
        )[0]!.n,
      );
    expect(await count("health_samples")).toBe(COUNT - COUNT / 10);
    expect(await count("component_status")).toBe(COUNT);
    expect(await count("status_changes")).toBe(COUNT);
    const after = await loadCurrent(database.db);
    expect(after.get("c-1")?.status).toBe("operational");
    // A component never read well is unknown from its first failed attempt.
    expect(after.get("c-0")?.status).toBe("unknown");
  });
});
