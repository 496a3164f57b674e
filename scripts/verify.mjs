// `npm test`: the one gate. Format, lint, types, unit and integration tests (PGlite and
// PostgreSQL), the production build, then the browser tests. Stops at the first failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const PG_URL =
  process.env.STANDFAST_TEST_PG_URL || "postgres://standfast:standfast@127.0.0.1:5432/postgres";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const results = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function summary() {
  console.log("\nSummary");
  for (const r of results)
    console.log(`  ${r.ok ? "ok  " : "FAIL"}  ${r.name.padEnd(34)} ${r.time}`);
  const skipped = STEPS.slice(results.length).map((s) => s.name);
  if (skipped.length) console.log(`  not run: ${skipped.join(", ")}`);
}

function fail(name, started, message) {
  results.push({ name, ok: false, time: seconds(Date.now() - started) });
  console.error(`\n✗ ${name} failed${message ? `:\n\n${message}\n` : "."}`);
  summary();
  process.exit(1);
}

const redact = (url) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

async function checkPostgres() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query(
      "select rolcreatedb or rolsuper as can from pg_roles where rolname = current_user",
    );
    if (!rows[0]?.can)
      return `The role in STANDFAST_TEST_PG_URL (${redact(PG_URL)}) may not create databases; the tests make one each. Grant it: ALTER ROLE … CREATEDB.`;
    return null;
  } catch (error) {
    return [
      `The integration tests run on PGlite and on a real PostgreSQL, and no PostgreSQL answers at`,
      `${redact(PG_URL)} (${error.code ?? error.message}).`,
      ``,
      `Provide one, then run \`npm test\` again:`,
      `  - start a PostgreSQL server with a role that may create databases, e.g.`,
      `      CREATE ROLE standfast LOGIN CREATEDB PASSWORD 'standfast';`,
      `    (the default URL is postgres://standfast:standfast@127.0.0.1:5432/postgres), or`,
      `  - point STANDFAST_TEST_PG_URL at another server, e.g.`,
      `      STANDFAST_TEST_PG_URL=postgres://me:secret@db.example:5432/postgres npm test`,
      `  - on Debian, as root, .ci/run installs PostgreSQL and Chromium and runs the whole gate.`,
    ].join("\n");
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"];
  if (process.env.CHROMIUM_PATH && !fs.existsSync(process.env.CHROMIUM_PATH))
    return `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist.`;
  if (candidates.some((c) => c && fs.existsSync(c))) return null;
  const { chromium } = await import("@playwright/test");
  if (fs.existsSync(chromium.executablePath())) return null;
  return [
    "The browser tests need Chromium, and none was found:",
    "  - install your system's Chromium at /usr/bin/chromium (Debian: apt-get install chromium),",
    "  - or set CHROMIUM_PATH to a Chromium or Chrome executable,",
    "  - or install Playwright's own: npx playwright install chromium",
  ].join("\n");
}

const STEPS = [
  {
    name: "prerequisites (PostgreSQL, Chromium)",
    check: async () => (await checkPostgres()) ?? (await checkBrowser()),
  },
  { name: "format (prettier --check .)", run: [bin("prettier"), "--check", "."] },
  { name: "lint (eslint .)", run: [bin("eslint"), "."] },
  {
    // Route types first, so tsc never checks against a stale build's.
    name: "types (next typegen, tsc --noEmit)",
    runs: [
      [bin("next"), "typegen"],
      [bin("tsc"), "--noEmit"],
    ],
  },
  {
    name: "unit + integration (vitest run)",
    run: [bin("vitest"), "run"],
    env: { STANDFAST_TEST_PG_URL: PG_URL },
  },
  { name: "build (npm run build)", run: ["npm", "run", "build"], env: { NODE_ENV: "production" } },
  { name: "browser (playwright test)", run: [bin("playwright"), "test"] },
];

const started = Date.now();
for (const step of STEPS) {
  console.log(`\n▶ ${step.name}`);
  const t0 = Date.now();
  if (step.check) {
    const problem = await step.check();
    if (problem) fail(step.name, t0, problem);
  } else {
    for (const [command, ...args] of step.runs ?? [step.run]) {
      const result = spawnSync(command, args, {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, ...step.env },
      });
      if (result.error) fail(step.name, t0, result.error.message);
      if (result.status !== 0)
        fail(
          step.name,
          t0,
          `${path.basename(command)} ${args.join(" ")}: exit code ${result.status ?? `signal ${result.signal}`}`,
        );
    }
  }
  results.push({ name: step.name, ok: true, time: seconds(Date.now() - t0) });
  console.log(`✓ ${step.name} (${seconds(Date.now() - t0)})`);
}
summary();
console.log(`\nAll checks passed in ${seconds(Date.now() - started)}.`);
