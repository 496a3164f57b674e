import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type TestServer } from "../testing/servers";

const ROOT = path.resolve(import.meta.dirname, "..");
const KEY = "q83vEjRWeJA+base64KeyValue/0123456789==";

/** Runs the real CLI, bundled as `npm run standfast` bundles it, against `url`. */
function standfast(args: string[], url: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["scripts/standfast.mjs", ...args],
      {
        cwd: ROOT,
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH ?? "",
          HOME: os.tmpdir(),
          STANDFAST_URL: url,
          STANDFAST_TOKEN: "t",
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the CLI's output", () => {
  let server: TestServer;
  beforeAll(async () => {
    // A server that gives away a connection string: the CLI must not pass it on.
    server = await startHttpServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/api/backups/ok/verify")
        return res.end(
          JSON.stringify({ ok: true, message: `verified AccountName=a;AccountKey=${KEY}` }),
        );
      res.statusCode = 409;
      res.end(JSON.stringify({ error: { message: `refused: Server=x;Password=${KEY}` } }));
    });
  });
  afterAll(() => server.close());

  it("masks a secret in what it prints, and in the errors it reports", async () => {
    const ok = await standfast(["verify", "ok"], server.url);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe("verified AccountName=a;AccountKey=[redacted]");
    const refused = await standfast(["verify", "other"], server.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe("standfast: refused: Server=x;Password=[redacted]");
    expect(ok.stdout + refused.stdout + refused.stderr).not.toContain(KEY);
  });
});
