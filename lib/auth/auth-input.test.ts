import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { readAuditRows } from "../../testing/fixtures";
import {
  addUser,
  browserPost,
  createTestAuth,
  TEST_BASE_URL,
  userEmails,
} from "../../testing/auth";
import type { StandfastAuth } from "./better-auth";
import { AUTH_BODY_LIMIT } from "./auth-input";
import { handleAuthRequest } from "./instance";

const raw = (path: string, body: string, type = "application/json") =>
  new Request(TEST_BASE_URL + path, {
    method: "POST",
    headers: { "content-type": type, origin: TEST_BASE_URL, "x-forwarded-for": "192.0.2.10" },
    body,
  });

describe.each(ENGINES)("hostile input to the auth routes on %s", (engine) => {
  let database: Database;
  let auth: StandfastAuth;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    auth = createTestAuth(database, { STANDFAST_SIGN_IN_LIMIT: "1000/1m" });
    await addUser(database, { email: "ada@example.com", role: "operator" });
  });
  afterAll(() => database.close());

  const send = (request: Request) => handleAuthRequest(request, auth);
  const refusal = async (response: Response) => {
    expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    return ((await response.json()) as { message: string }).message;
  };

  it("a NUL or a lone surrogate in a field is a 400 naming it, audited as a refused sign-in", async () => {
    const before = (await readAuditRows(database.db)).length;
    const cases: [Record<string, string>, RegExp][] = [
      [{ email: "ada\u0000@example.com", password: "x" }, /^email: contains a NUL character/],
      [{ email: "ada@example.com", password: "\ud800" }, /^password: contains a lone UTF-16/],
    ];
    for (const [body, message] of cases) {
      const response = await send(browserPost("/api/auth/sign-in/email", body));
      expect(response.status).toBe(400);
      expect(await refusal(response)).toMatch(message);
    }
    const form = await send(
      raw("/api/auth/sign-in/email", "email=a%00&password=x", "application/x-www-form-urlencoded"),
    );
    expect(form.status).toBe(400);
    const added = (await readAuditRows(database.db)).slice(before);
    expect(added.map((a) => [a.action, a.outcome])).toEqual([
      ["auth.sign-in", "refused"],
      ["auth.sign-in", "refused"],
      ["auth.sign-in", "refused"],
    ]);
  });

  it("a body that is not a JSON object, or is not JSON, is a 400", async () => {
    for (const body of ["null", "[1]", "5", '"x"', "{", '{"email":'])
      expect((await send(raw("/api/auth/sign-in/email", body))).status, body).toBe(400);
    expect((await send(raw("/api/auth/sign-out", "null"))).status).toBe(400);
  });

  it("a body over the limit is a 413, whatever its type", async () => {
    const big = JSON.stringify({ email: "a@example.com", password: "x".repeat(AUTH_BODY_LIMIT) });
    expect((await send(raw("/api/auth/sign-in/email", big))).status).toBe(413);
    expect((await send(raw("/api/auth/sign-in/email", big, "text/plain"))).status).toBe(413);
  });

  it("a NUL or malformed escape in the path or query is a 400", async () => {
    for (const path of [
      "/api/auth/get-session?x=%00",
      "/api/auth/%ff",
      "/api/auth/callback/oidc?state=%00",
    ])
      expect((await send(new Request(TEST_BASE_URL + path))).status, path).toBe(400);
  });

  it("changes no account, and a good sign-in still works", async () => {
    expect(await userEmails(database)).toEqual(["ada@example.com"]);
    const ok = await send(
      browserPost("/api/auth/sign-in/email", {
        email: "ada@example.com",
        password: "correct-horse-battery",
      }),
    );
    expect(ok.status).toBe(200);
  });
});
