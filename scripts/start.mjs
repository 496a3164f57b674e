// `npm start`: builds once (again only when the sources change), then runs the server in this process.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
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
const STAMP = path.join(root, process.env.STANDFAST_NEXT_DIR || ".next", "standfast-build.json");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function sourceHash() {
  const hash = createHash("sha256");
  const walk = (p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort())
        if (!name.endsWith(".test.ts")) walk(path.join(p, name));
    } else {
      hash.update(p).update(fs.readFileSync(full));
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (dev) {
  process.env.NODE_ENV = "development";
  const { bundle, bundleBoardLive } = await import("./build-server.mjs");
  await bundleBoardLive();
  await bundle("server/main.ts", "dist/server.mjs");
  process.argv.push("--dev");
} else {
  process.env.NODE_ENV = "production";
  const hash = sourceHash();
  const built =
    fs.existsSync(STAMP) &&
    JSON.parse(fs.readFileSync(STAMP, "utf8")).hash === hash &&
    fs.existsSync(path.join(root, "dist/server.mjs"));
  if (!built) {
    console.log("[standfast] building (first start, or the sources changed)…");
    run("npm", ["run", "build"], { NODE_ENV: "production" });
    fs.writeFileSync(STAMP, JSON.stringify({ hash, builtAt: new Date().toISOString() }));
  }
}
await import(path.join(root, "dist/server.mjs"));
