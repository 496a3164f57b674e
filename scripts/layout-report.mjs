#!/usr/bin/env node
// Measures the layout rules of CONTRIBUTING's "Where things live": loops between domains,
// imports that bypass a domain's public surface, lib importing app/components, components
// importing app, and files over 300 lines. `node scripts/layout-report.mjs [--json]`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { domainOf, isPublicEntry, resolveImport } from "./layout-rules.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const skip = new Set(["node_modules", ".next", "dist", "test-results", "bench-results", ".git"]);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name) || name.startsWith(".next") || name.startsWith(".standfast")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const importRe =
  /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const files = ["app", "components", "lib", "server", "cli", "scripts", "e2e"].flatMap((d) =>
  walk(join(root, d)),
);
const isTest = (f) =>
  /\.test\.tsx?$/.test(f) || f.includes(`${sep}e2e${sep}`) || f.includes(`${sep}testing${sep}`);

const edges = new Map();
let crossDomain = 0;
const bypasses = [];
const libToWeb = [];
const componentsToApp = [];
const longFiles = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const rel = relative(root, file);
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > 300) longFiles.push({ file: rel, lines, test: isTest(file) });
  const from = domainOf(rel);
  for (const m of text.matchAll(importRe)) {
    const target = resolveImport(rel, m[1] ?? m[2], root);
    if (!target) continue;
    if (rel.startsWith("lib/") && /^(app|components)\//.test(target))
      libToWeb.push(`${rel} → ${target}`);
    if (rel.startsWith("components/") && target.startsWith("app/"))
      componentsToApp.push(`${rel} → ${target}`);
    const to = domainOf(target);
    if (!to || to === from) continue;
    if (from && !isTest(file)) {
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
    }
    crossDomain++;
    if (!isPublicEntry(target)) bypasses.push(`${rel} → ${target}`);
  }
}

// Tarjan's strongly connected components: each with more than one domain is a loop.
function loops(graph) {
  let index = 0;
  const stack = [];
  const idx = new Map();
  const low = new Map();
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const report = {
  domainLoops: loops(edges),
  crossDomainImports: crossDomain,
  bypasses,
  libImportsWeb: libToWeb,
  componentsImportApp: componentsToApp,
  productFilesOver300: longFiles.filter((f) => !f.test),
  testFilesOver300: longFiles.filter((f) => f.test).length,
};
if (process.argv.includes("--json")) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`domain-import loops: ${report.domainLoops.length}`);
  for (const l of report.domainLoops) console.log(`  {${l.join(", ")}}`);
  console.log(
    `cross-domain imports: ${crossDomain}, bypassing the public surface: ${bypasses.length}`,
  );
  for (const b of bypasses) console.log(`  ${b}`);
  console.log(`lib importing app/components: ${libToWeb.length}`);
  for (const b of libToWeb) console.log(`  ${b}`);
  console.log(`components importing app: ${componentsToApp.length}`);
  for (const b of componentsToApp) console.log(`  ${b}`);
  console.log(`product files over 300 lines: ${report.productFilesOver300.length}`);
  for (const f of report.productFilesOver300) console.log(`  ${f.file} (${f.lines})`);
  console.log(`test files over 300 lines: ${report.testFilesOver300}`);
}
