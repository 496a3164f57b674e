// The layout's measures, shared by `scripts/layout-report.mjs` and `eslint/layout.test.ts`:
// the domain graph (product files only) and its loops, imports that bypass a domain's public
// surface, lib importing app/components, components importing app, and files over 300 lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { domainOf, isPublicEntry, resolveImport } from "./layout-rules.mjs";

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
  /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm;
const isTest = (f) =>
  /\.test\.tsx?$/.test(f) || f.includes(`${sep}e2e${sep}`) || f.includes(`${sep}testing${sep}`);

/** Tarjan's strongly connected components of a domain graph: each with more than one domain is a loop. */
export function domainLoops(graph) {
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

/** Reads the repository at `root` and measures its layout. */
export function readLayout(root) {
  const files = ["app", "components", "lib", "server", "cli", "scripts", "e2e"].flatMap((d) =>
    walk(join(root, d)),
  );
  const edges = new Map();
  let crossDomain = 0;
  const bypasses = [];
  const libToWeb = [];
  const componentsToApp = [];
  const longFiles = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const rel = relative(root, file).replace(/\\/g, "/");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > 300) longFiles.push({ file: rel, lines, test: isTest(file) });
    const from = domainOf(rel);
    for (const m of text.matchAll(importRe)) {
      const target = resolveImport(rel, m[1] ?? m[2] ?? m[3], root);
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
      if (!isPublicEntry(target))
        bypasses.push({ import: `${rel} → ${target}`, test: isTest(file) });
    }
  }
  return {
    domainGraph: edges,
    domainLoops: domainLoops(edges),
    crossDomainImports: crossDomain,
    bypasses,
    libImportsWeb: libToWeb,
    componentsImportApp: componentsToApp,
    productFilesOver300: longFiles.filter((f) => !f.test),
    testFilesOver300: longFiles.filter((f) => f.test).length,
  };
}
