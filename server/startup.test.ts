import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../lib/db/pglite";
import { bundle } from "../scripts/build-server.mjs";

const root = path.resolve(import.meta.dirname, "..");
const entry = "dist/startup-test-server.mjs";
let tmp: string;

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, entry)], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      STANDFAST_DATA_DIR: path.join(tmp, "data"),
      PORT: "3999",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr };
}

/** A process that cannot start must say why and stop, before it serves anything or touches the store. */
describe("start-up refuses bad configuration with a message that names the fix", () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "standfast-startup-"));
    await bundle("server/main.ts", entry);
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.join(root, entry), { force: true });
    fs.rmSync(path.join(root, `${entry}.map`), { force: true });
  });

  it("names a bad environment variable and what it expects", () => {
    const { code, stderr } = start({ STANDFAST_DEFAULT_INTERVAL: "fast", PORT: "http" });
    expect(code).toBe(1);
    expect(stderr).toContain('STANDFAST_DEFAULT_INTERVAL="fast": expected a duration such as 30s');
    expect(stderr).toContain('PORT="http": expected a whole number from 1 to 65535');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(tmp, "data"))).toBe(false);
  });

  it("names the estate file, the path inside it and the fix", () => {
    const file = path.join(tmp, "estate.yaml");
    fs.writeFileSync(
      file,
      `regions: [{ id: westeurope, name: West Europe }]
services:
  - name: acme-edi-prod
    edition: platinum
    region: westeurope
    roles: { source: { type: simulated } }
    trackingDatabase: { name: t, source: { type: simulated } }
    storage: { name: s, replication: GRS, source: { type: simulated } }
    accessControl: { name: a, source: { type: simulated } }
`,
    );
    const { code, stderr } = start({ STANDFAST_ESTATE: file });
    expect(code).toBe(1);
    expect(stderr).toContain(`The estate file ${file} is not valid`);
    expect(stderr).toMatch(/services\[0\]\.edition: .*premium.*\(got "platinum"\)/);
    expect(fs.existsSync(path.join(tmp, "data"))).toBe(false);
  });

  it("refuses a data folder another process holds", async () => {
    const dir = path.join(tmp, "held");
    const holder = await openPglite(dir);
    try {
      const { code, stderr } = start({ STANDFAST_DATA_DIR: dir });
      expect(code).toBe(1);
      expect(stderr).toContain(
        `The data folder ${dir} is in use by another Standfast process (pid ${process.pid}`,
      );
      expect(stderr).toContain("DATABASE_URL");
    } finally {
      await holder.close();
    }
  });
});
