/**
 * Run by the build (`scripts/build-server.mjs`): makes the embedded store's template, a created and
 * migrated cluster that a new data folder copies instead of creating its own (lib/db/pglite-template.ts).
 *   node dist/store-template.mjs [folder]
 */
import { MIGRATIONS_FOLDER, makeTemplate, TEMPLATE_DIR, usableTemplate } from "../lib/db";

const dir = process.argv[2] ?? TEMPLATE_DIR;
const started = performance.now();
if (usableTemplate(dir, MIGRATIONS_FOLDER)) {
  console.log(`store template: ${dir} is up to date`);
} else {
  await makeTemplate(dir, MIGRATIONS_FOLDER);
  console.log(`store template: ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
