import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEstate } from "../../scripts/bench/estate.mjs";
import { queryRows } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { parseEstate } from "../estate";
import { syncEstate } from "./estate-sync";
import { ensureConfigurations } from ".";

const SERVICES = 600;

type Row = {
  id: string;
  edition: string;
  units: number;
  region: string;
  size: number;
  settings: { edition: string; units: number; region: string };
  partners: number;
  assemblies: number;
};

// A large estate from a file: every service gets its bare configuration, written in batches.
describe.each(ENGINES)(
  "initial configurations of a large estate on %s",
  { timeout: 120_000 },
  (engine) => {
    let database: Database;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      const estate = parseEstate(makeEstate({ services: SERVICES, regions: 8 }), "estate.yaml", {
        intervalMs: 30_000,
        timeoutMs: 5_000,
      });
      await syncEstate(database.db, estate);
    });
    afterAll(() => database.close());

    it("gives every service its settings and nothing of the demo's content", async () => {
      expect(await ensureConfigurations(database.db, { demo: false })).toBe(SERVICES);
      const rows = await queryRows<Row>(
        database.db,
        sql`select s.id, s.edition, s.units, s.region, c.size_bytes as size,
            c.configuration->'settings' as settings,
            jsonb_array_length(c.configuration->'partners') as partners,
            jsonb_array_length(c.configuration->'assemblies') as assemblies
          from services s left join service_configurations c on c.service_id = s.id`,
      );
      expect(rows).toHaveLength(SERVICES);
      for (const row of rows) {
        expect(row.settings).toMatchObject({
          edition: row.edition,
          units: row.units,
          region: row.region,
        });
        expect([row.partners, row.assemblies]).toEqual([0, 0]);
        expect(row.size).toBeGreaterThan(0);
      }
    });

    it("writes nothing more the second time", async () => {
      expect(await ensureConfigurations(database.db, { demo: false })).toBe(0);
    });
  },
);
