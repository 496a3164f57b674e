// Baselines for the memory and start-up rows: a bare Node process holding PGlite, nothing else.
//   node bare-store.mjs startup <fresh folder> <estate.yaml>: PGlite's defaults, a fresh folder,
//     the app's migrations, and the estate's regions, services, components and links inserted
//     set-based (one statement per table); prints { ms } when done.
//   node bare-store.mjs hold <data folder>: opens the folder (PGlite's defaults), reads every
//     row of the estate tables and the latest samples, then waits; the bench reads its RSS.
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

const [mode, dataDir, estateFile] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, "../..");
const started = performance.now();

async function insertEstate(pg, estate) {
  const rows = (data) => JSON.stringify(data);
  const regions = estate.regions.map((r, i) => ({ id: r.id, name: r.name, position: i }));
  const services = [];
  const components = [];
  const links = [];
  estate.services.forEach((s, i) => {
    services.push({
      id: s.name,
      edition: s.edition,
      units: s.units,
      region: s.region,
      position: i,
    });
    for (const [role, c] of Object.entries({
      roles: s.roles,
      tracking: s.trackingDatabase,
      storage: s.storage,
      acs: s.accessControl,
    })) {
      const id = `${s.name}/${role}`;
      components.push({ id, name: c.name ?? id, kind: role, region: s.region, source: c.source });
      links.push({ s: s.name, c: id, role, position: links.length % 4 });
    }
  });
  await pg.query(
    `insert into regions (id, name, position) select * from json_to_recordset($1::json) as x(id text, name text, position int)`,
    [rows(regions)],
  );
  await pg.query(
    `insert into services (id, edition, units, region, position)
     select * from json_to_recordset($1::json) as x(id text, edition text, units int, region text, position int)`,
    [rows(services)],
  );
  await pg.query(
    `insert into components (id, name, kind, region, source, interval_ms, timeout_ms, stale_after_ms)
     select id, name, kind, region, source, 30000, 10000, 90000
     from json_to_recordset($1::json) as x(id text, name text, kind text, region text, source jsonb)`,
    [rows(components)],
  );
  await pg.query(
    `insert into service_components (service_id, component_id, role, position)
     select * from json_to_recordset($1::json) as x(s text, c text, role text, position int)`,
    [rows(links)],
  );
}

if (mode === "startup") {
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  await migrate(drizzle({ client: pg }), { migrationsFolder: path.join(root, "migrations") });
  await insertEstate(pg, YAML.parse(fs.readFileSync(estateFile, "utf8")));
  const ms = performance.now() - started;
  await pg.close();
  console.log(JSON.stringify({ ms }));
} else if (mode === "hold") {
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  for (const table of [
    "regions",
    "services",
    "components",
    "service_components",
    "component_status",
  ])
    await pg.query(`select * from ${table}`);
  process.send?.({ ready: true });
  console.log("holding");
  setInterval(() => {}, 60_000);
} else {
  console.error("usage: bare-store.mjs startup <folder> <estate.yaml> | hold <folder>");
  process.exit(2);
}
