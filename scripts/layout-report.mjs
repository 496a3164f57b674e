#!/usr/bin/env node
// Measures the layout rules of CONTRIBUTING's "Where things live" (scripts/layout-graph.mjs):
// loops between domains, imports that bypass a domain's public surface, lib importing
// app/components, components importing app, and files over 300 lines.
// `node scripts/layout-report.mjs [--json]`.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readLayout } from "./layout-graph.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { domainGraph, ...report } = readLayout(root);
const bypasses = report.bypasses;
if (process.argv.includes("--json"))
  console.log(
    JSON.stringify(
      {
        ...report,
        domainGraph: Object.fromEntries([...domainGraph].map(([k, v]) => [k, [...v].sort()])),
      },
      null,
      2,
    ),
  );
else {
  console.log(`domain-import loops: ${report.domainLoops.length}`);
  for (const l of report.domainLoops) console.log(`  {${l.join(", ")}}`);
  console.log(
    `cross-domain imports: ${report.crossDomainImports}, bypassing the public surface: ${bypasses.length} (${bypasses.filter((b) => !b.test).length} outside tests)`,
  );
  for (const b of bypasses) console.log(`  ${b.import}${b.test ? "" : "  (product)"}`);
  console.log(`lib importing app/components: ${report.libImportsWeb.length}`);
  for (const b of report.libImportsWeb) console.log(`  ${b}`);
  console.log(`components importing app: ${report.componentsImportApp.length}`);
  for (const b of report.componentsImportApp) console.log(`  ${b}`);
  console.log(`product files over 300 lines: ${report.productFilesOver300.length}`);
  for (const f of report.productFilesOver300) console.log(`  ${f.file} (${f.lines})`);
  console.log(`test files over 300 lines: ${report.testFilesOver300}`);
}
