// The e2e suite's app: the production server on a fresh, temporary data folder that is removed
// when the server stops. Playwright's webServer runs it; it expects `npm run build` to have run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextDir = process.env.STANDFAST_NEXT_DIR || ".next";
for (const [file, what] of [
  ["dist/server.mjs", "the server bundle"],
  [path.join(nextDir, "BUILD_ID"), `the Next.js build in ${nextDir}`],
]) {
  if (!fs.existsSync(path.join(root, file))) {
    console.error(`e2e: ${what} is missing (${file}): run \`npm run build\` first.`);
    process.exit(1);
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-e2e-"));
const child = spawn(process.execPath, ["dist/server.mjs"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, STANDFAST_DATA_DIR: dataDir },
});
const forward = (signal) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 0 : 1));
});
