/**
 * The control plane is the only writer of services, their parts and their configuration
 * (architecture: "Control plane"). This reads the product's source and names every file outside
 * lib/control-plane/ that inserts, updates or deletes those tables, through drizzle or raw SQL.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["lib", "app", "server", "cli"];
const OWNER = "lib/control-plane/";

const DRIZZLE_NAMES = [
  "services",
  "components",
  "serviceComponents",
  "serviceConfigurations",
  "drillSandboxes",
];
const SQL_NAMES = [
  "services",
  "components",
  "service_components",
  "service_configurations",
  "drill_sandboxes",
];

const drizzleWrite = new RegExp(
  String.raw`\.(insert|update|delete)\(\s*(?:tables\.)?(${DRIZZLE_NAMES.join("|")})\s*\)`,
  "g",
);
const sqlName = String.raw`"?(${SQL_NAMES.join("|")})"?`;
const sqlWrite = new RegExp(
  String.raw`\b(insert\s+into\s+${sqlName}[\s(]|update\s+${sqlName}\s+set\b|delete\s+from\s+${sqlName}\b)`,
  "gi",
);

/** Each write of a guarded table in one source text: "line: what". */
function findWrites(source: string): string[] {
  const found: { index: number; text: string }[] = [];
  for (const pattern of [drizzleWrite, sqlWrite])
    for (const m of source.matchAll(pattern))
      found.push({ index: m.index, text: m[0].replace(/\s+/g, " ").trim() });
  return found
    .sort((a, b) => a.index - b.index)
    .map((f) => `${source.slice(0, f.index).split("\n").length}: ${f.text}`);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    const isSource = /\.(ts|tsx|mts|js|mjs)$/.test(entry.name);
    const isTest = /\.test\.(ts|tsx|mts|js|mjs)$/.test(entry.name);
    return isSource && !isTest ? [full] : [];
  });
}

/** Every write of a guarded table in the product's source, by file (relative to the repo). */
function writersOf(): Map<string, string[]> {
  const writers = new Map<string, string[]>();
  for (const top of SCANNED)
    for (const file of sourceFiles(path.join(ROOT, top))) {
      const writes = findWrites(fs.readFileSync(file, "utf8"));
      if (writes.length) writers.set(path.relative(ROOT, file).split(path.sep).join("/"), writes);
    }
  return writers;
}

describe("the control plane is the only writer of services, components and configurations", () => {
  it("finds drizzle and raw SQL writes of the guarded tables, and nothing else", () => {
    const source = [
      "await tx.update(services).set({ state: 'active' });",
      "await db\n  .insert(tables.serviceConfigurations)\n  .values(row);",
      "await tx.delete(serviceComponents).where(x);",
      "await tx.execute(sql`update components set retired_at = now()`);",
      "await tx.execute(sql`INSERT INTO service_configurations (service_id) values (1)`);",
      "await tx.execute(sql`delete from services where id = 1`);",
      // Not writes of the guarded tables:
      "await tx.update(restores).set({ status: 'queued' });",
      "await tx.insert(componentStatus).values(row);",
      "await db.select().from(services);",
      "// we update services through the control plane",
      "sql`update component_status set status = 'x'`",
    ].join("\n");
    expect(findWrites(source)).toEqual([
      "1: .update(services)",
      "3: .insert(tables.serviceConfigurations)",
      "5: .delete(serviceComponents)",
      "6: update components set",
      "7: INSERT INTO service_configurations",
      "8: delete from services",
    ]);
  });

  it("no file outside lib/control-plane/ writes them", () => {
    const writers = writersOf();
    const outside = [...writers].filter(([file]) => !file.startsWith(OWNER));
    expect(
      outside.map(([file, writes]) => `${file} writes ${writes.join("; ")}`),
      "only lib/control-plane/ may write services, components, service_components and service_configurations",
    ).toEqual([]);
    // The scan sees the control plane's own writes, so an empty list above is not a blind scan.
    expect([...writers.keys()].filter((file) => file.startsWith(OWNER)).length).toBeGreaterThan(0);
  });
});
