// `npm run bench [-- --quick] [-- --profile] [-- --rebuild] [-- --keep] [-- --only api,board,render,archive,restore,memory]`
// Builds the app into .next-bench when needed, runs it on ports 3400-3499 against generated
// estates in a temporary folder, and prints every figure next to a baseline measured in the same
// run. Writes bench-results/latest.json (and logs; CPU profiles with --profile). Never asserts.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchApi } from "./bench/api.mjs";
import { benchArchive } from "./bench/archive.mjs";
import { benchMemory } from "./bench/memory.mjs";
import { benchRestore } from "./bench/restore.mjs";
import { startApp, waitAllRead } from "./bench/app.mjs";
import { benchBoard } from "./bench/board.mjs";
import { ensureBuild } from "./bench/build.mjs";
import { estateYaml } from "./bench/estate.mjs";
import { cleanupAll, freePort, installExitHandlers, onCleanup } from "./bench/proc.mjs";
import { benchRender, BIG_CONCURRENCY } from "./bench/render.mjs";
import { printReport } from "./bench/report.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const only = flags.only ? new Set(flags.only.split(",")) : null;
const want = (s) => !only || only.has(s);
const started = Date.now();
const log = (line) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}`);

function sh(cmd) {
  try {
    return execSync(cmd, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

function specs() {
  const cpus = os.cpus();
  const dirty = sh("git status --porcelain --untracked-files=no");
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? "?",
    memory: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    next: JSON.parse(fs.readFileSync(path.join(root, "node_modules/next/package.json"), "utf8"))
      .version,
    autocannon: JSON.parse(
      fs.readFileSync(path.join(root, "node_modules/autocannon/package.json"), "utf8"),
    ).version,
    commit: `${sh("git rev-parse --short HEAD") ?? "?"}${dirty ? " + uncommitted changes" : ""}`,
    loadStart: os.loadavg(),
  };
}

installExitHandlers();
const resultsDir = path.join(root, "bench-results");
const logDir = path.join(resultsDir, "logs");
const profileDir = flags.profile ? path.join(resultsDir, "profiles") : null;
fs.mkdirSync(logDir, { recursive: true });
if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-bench-"));
onCleanup(() => {
  if (flags.keep) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
});

const results = {
  startedAt: new Date().toISOString(),
  quick: flags.quick,
  specs: specs(),
  errors: {},
  outFile: path.join(resultsDir, "latest.json"),
};
const common = { root, tmp, logDir, quick: flags.quick, profileDir, log };

async function section(key, fn) {
  try {
    results[key] = await fn();
  } catch (error) {
    results.errors[key] = error.message.split("\n").slice(0, 6).join(" | ");
    log(`${key} FAILED: ${error.stack ?? error.message}`);
  }
}

let exitCode = 0;
try {
  // Only the sections that run the app need its build.
  if (want("api") || want("board") || want("render") || want("restore") || want("memory")) {
    log("build: checking .next-bench…");
    results.build = ensureBuild(root, {
      force: flags.rebuild,
      logFile: path.join(logDir, "build.log"),
    });
    log(
      `build: ${results.build.built ? "built" : "up to date"} (${(results.build.ms / 1000).toFixed(1)} s)`,
    );
  }

  const estates = {
    mid: { components: 1000, regions: 10 },
    big: { components: 10_000, regions: 20 },
  };
  for (const e of Object.values(estates)) {
    e.file = path.join(tmp, `estate-${e.components}.yaml`);
    fs.writeFileSync(e.file, estateYaml(e));
  }

  if (want("api") || want("board")) {
    const app = await startApp({
      root,
      name: "app-1k",
      port: await freePort(),
      dataDir: path.join(tmp, "data-1k"),
      estateFile: estates.mid.file,
      logDir,
    });
    try {
      const e = app.estate;
      if (!e || e.components !== estates.mid.components || e.regions !== estates.mid.regions)
        throw new Error(
          `the app did not load the generated estate as written: ${JSON.stringify(e)}`,
        );
      log(
        `app-1k: ${e.services} services, ${e.components} components, ${e.regions} regions; serving after ${(app.readyMs / 1000).toFixed(1)} s`,
      );
      const pass = await waitAllRead(app, { timeoutMs: 180_000 });
      log(`app-1k: poller read all ${pass.total} components in ${(pass.ms / 1000).toFixed(1)} s`);
      if (want("api")) {
        log("1. summary API…");
        await section("api", () => benchApi({ ...common, app }));
      }
      if (want("board")) {
        log("2+4. board in Chromium…");
        await section("board", () => benchBoard({ ...common, app, expected: e.components }));
      }
    } finally {
      await app.stop(30_000);
    }
  }
  if (want("render")) {
    log("3. render and memory, 10,000 components vs demo…");
    await section("render", () => benchRender({ ...common, bigEstate: estates.big }));
  }
  if (want("archive")) {
    log("5. backup archive write and read vs plain copy and read…");
    await section("archive", () => benchArchive(common));
  }
  if (want("restore")) {
    log("6. restore request latency…");
    await section("restore", () => benchRestore(common));
  }
  if (want("memory")) {
    log("7. memory and start-up on the embedded store, 1,000 and 10,000 components…");
    await section("memory", () =>
      benchMemory({ ...common, estates, concurrency: BIG_CONCURRENCY }),
    );
  }
} catch (error) {
  exitCode = 1;
  results.errors.run = error.message.split("\n").slice(0, 8).join(" | ");
  console.error(`[bench] ${error.stack ?? error.message}`);
} finally {
  await cleanupAll();
}

results.specs.loadEnd = os.loadavg();
results.durationS = Math.round((Date.now() - started) / 1000);
fs.writeFileSync(results.outFile, JSON.stringify(results, null, 2));
printReport(results);
console.log(`Took ${results.durationS} s.`);
process.exit(exitCode || (Object.keys(results.errors).length ? 1 : 0));
