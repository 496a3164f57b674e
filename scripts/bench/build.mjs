// Builds the app for the bench into its own Next folder (.next-bench) when the sources changed,
// and bundles the custom server. Leaves tsconfig.json and next-env.d.ts as it found them.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const NEXT_DIR = ".next-bench";
// The same inputs scripts/start.mjs watches.
const SOURCES = [
  "app",
  "components",
  "lib",
  "server",
  "cli",
  "public",
  "migrations",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function sourceHash(root) {
  const hash = createHash("sha256");
  const walk = (p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort())
        if (!name.endsWith(".test.ts")) walk(path.join(p, name));
    } else hash.update(p).update(fs.readFileSync(full));
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

/** Next rewrites tsconfig.json (adding .next-bench includes) and next-env.d.ts; put them back. */
function guardFiles(root, names) {
  const saved = names.map((name) => {
    const file = path.join(root, name);
    return { file, text: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null };
  });
  return () => {
    for (const { file, text } of saved) {
      if (text === null) continue;
      const now = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
      if (now !== text) fs.writeFileSync(file, text);
    }
  };
}

export function benchEnv(extra = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", STANDFAST_NEXT_DIR: NEXT_DIR };
  // The bench always uses its own embedded store and its own token.
  delete env.DATABASE_URL;
  delete env.STANDFAST_ADMIN_TOKEN;
  delete env.STANDFAST_PUBLIC_URL;
  return { ...env, ...extra };
}

/** Returns { built, ms, hash }. Throws with the tail of the build log on failure. */
export function ensureBuild(root, { force = false, logFile }) {
  const started = Date.now();
  const hash = sourceHash(root);
  const stamp = path.join(root, NEXT_DIR, "bench-build.json");
  const fresh =
    !force &&
    fs.existsSync(stamp) &&
    fs.existsSync(path.join(root, NEXT_DIR, "BUILD_ID")) &&
    JSON.parse(fs.readFileSync(stamp, "utf8")).hash === hash;
  const log = [];
  let typeCheck = fresh ? "not run (build up to date)" : "passed";
  const run = (args, { tolerate } = {}) => {
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      env: benchEnv({ NODE_ENV: "production" }),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    log.push(`$ node ${args.join(" ")}\n${r.stdout}${r.stderr}`);
    if (logFile) fs.writeFileSync(logFile, log.join("\n"));
    if (r.status !== 0 && tolerate?.(r.stdout + r.stderr)) return false;
    if (r.status !== 0)
      throw new Error(
        `build step failed: node ${args.join(" ")}\n${(r.stdout + r.stderr).split("\n").slice(-30).join("\n")}`,
      );
    return true;
  };
  if (!fresh) {
    const restore = guardFiles(root, ["tsconfig.json", "next-env.d.ts"]);
    try {
      const next = path.join(root, "node_modules/next/dist/bin/next");
      // The tree is shared with people mid-edit: a type error in, say, a half-written test must not
      // stop the bench. Then build without the type check (compile, then generate) and say so.
      const typeError = (out) => /Failed to type check|Type error/.test(out);
      if (!run([next, "build"], { tolerate: typeError })) {
        const first = log
          .at(-1)
          .split("\n")
          .find((l) => /error TS\d+|Type error/.test(l));
        typeCheck = `FAILED, built without it: ${first?.trim() ?? "see bench-results/logs/build.log"}`;
        run([next, "build", "--experimental-build-mode", "compile"]);
        run([next, "build", "--experimental-build-mode", "generate"]);
      }
    } finally {
      restore();
    }
    fs.writeFileSync(stamp, JSON.stringify({ hash, builtAt: new Date().toISOString() }));
    // Keep the bench's build folder out of `git status` without touching .gitignore.
    fs.writeFileSync(path.join(root, NEXT_DIR, ".gitignore"), "*\n");
  }
  run([path.join(root, "scripts/build-server.mjs")]);
  return { built: !fresh, ms: Date.now() - started, hash: hash.slice(0, 12), typeCheck };
}
