import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "../app/api/admin/users/route";
import { createApiToken, handleAuthRequest, installAuth } from "../lib/auth";
import { createTestAuth, createTestDatabase, userEmails } from "../testing/auth";
import { installTestDatabase, type TestDatabase } from "../testing/fixtures";
import { startRouteServer } from "../testing/route-server";
import type { TestServer } from "../testing/servers";

vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

const ROOT = path.resolve(import.meta.dirname, "..");
type Run = { code: number; stdout: string; stderr: string };

/** Runs the real CLI with only `env`, writing `stdin` to it. */
function standfast(args: string[], env: Record<string, string>, stdin = ""): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/standfast.mjs", ...args], {
      cwd: ROOT,
      env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: os.tmpdir(), ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: stdout.trimEnd(), stderr: stderr.trimEnd() }),
    );
    child.stdin.end(stdin);
  });
}

describe("npm run standfast -- create-admin", () => {
  let database: TestDatabase;
  let server: TestServer;
  let env: Record<string, string>;

  const signIn = (email: string, password: string) =>
    fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email, password }),
    });

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    installTestDatabase(database);
    installAuth(createTestAuth(database, { STANDFAST_SIGN_IN_LIMIT: "100/1m" }));
    const { token } = await createApiToken(database.db, { name: "local-admin", role: "admin" });
    server = await startRouteServer({
      "/api/admin/users": { GET, POST },
      "/api/auth/sign-in/email": { POST: (request) => handleAuthRequest(request) },
    });
    env = { STANDFAST_URL: server.url, STANDFAST_TOKEN: token };
  });
  afterAll(async () => {
    installAuth(undefined);
    await server?.close();
    await database?.close();
  });

  it("creates the first admin with a generated password, printed once, that signs in", async () => {
    const run = await standfast(
      ["create-admin", "--email", "Ada@Example.com", "--name", "Ada Lovelace"],
      env,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      `Created admin ada@example.com (Ada Lovelace); they sign in at ${server.url}/sign-in.`,
    );
    const password = /^Password \(shown only now; Standfast keeps only a hash of it\): (\S+)$/.exec(
      lines[1] ?? "",
    )?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);
    expect((await signIn("ada@example.com", password!)).status).toBe(200);
  });

  it("reads the password from standard input with --password-stdin, and prints none", async () => {
    const run = await standfast(
      ["create-admin", "--email", "grace@example.com", "--name", "Grace", "--password-stdin"],
      env,
      "a-password-from-a-pipe\n",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).not.toContain("Password");
    expect((await signIn("grace@example.com", "a-password-from-a-pipe")).status).toBe(200);
  });

  it("refuses a short password, a taken address, a missing option, and a lesser token", async () => {
    const before = await userEmails(database);
    const short = await standfast(
      ["create-admin", "--email", "x@example.com", "--name", "X", "--password-stdin"],
      env,
      "short\n",
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toBe("standfast: Invalid user: password: expected at least 12 characters");
    const taken = await standfast(
      ["create-admin", "--email", "ada@example.com", "--name", "A"],
      env,
    );
    expect(taken.stderr).toBe(
      "standfast: A user with the e-mail address ada@example.com already exists.",
    );
    const usage = await standfast(["create-admin", "--email", "x@example.com"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^create-admin needs --email and --name/);
    const { token } = await createApiToken(database.db, { name: "ops", role: "operator" });
    const weak = await standfast(["create-admin", "--email", "y@example.com", "--name", "Y"], {
      ...env,
      STANDFAST_TOKEN: token,
    });
    expect(weak.stderr).toBe("standfast: Creating users needs the admin role; ops has operator.");
    expect(await userEmails(database)).toEqual(before);
  });
});
