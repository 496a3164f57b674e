import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { tables } from "../db";
import { handleAuthRequest } from "./instance";
import { sessionActor } from "./session";
import { addUser, browserPost, cookieHeader, createTestAuth } from "../../testing/auth";
import type { StandfastAuth } from "./better-auth";

describe.each(ENGINES)("password sign-in on %s", (engine) => {
  let database: Database;
  let auth: StandfastAuth;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    auth = createTestAuth(database, { STANDFAST_SIGN_IN_LIMIT: "100/1m" });
  });
  afterAll(() => database.close());

  const signIn = (email: string, password: string) =>
    handleAuthRequest(browserPost("/api/auth/sign-in/email", { email, password }), auth);

  it("signs in, knows the user by their cookie, and signs out", async () => {
    const { id } = await addUser(database, { email: "ada@example.com", role: "operator" });
    const response = await signIn("Ada@Example.com", "correct-horse-battery");
    expect(response.status, await response.clone().text()).toBe(200);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/standfast\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieHeader(response);
    expect(await sessionActor(new Headers({ cookie }), auth)).toEqual({
      kind: "user",
      id,
      name: "ada",
      role: "operator",
    });
    const out = await handleAuthRequest(browserPost("/api/auth/sign-out", {}, { cookie }), auth);
    expect(out.status).toBe(200);
    expect(await sessionActor(new Headers({ cookie }), auth)).toBeNull();
  });

  it("refuses a wrong password, and audits it without the password", async () => {
    await addUser(database, { email: "bob@example.com", role: "viewer" });
    const response = await signIn("bob@example.com", "not-the-password");
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    const audit = await database.db.select().from(tables.auditLog);
    const row = audit.find((r) => r.action === "auth.sign-in" && r.target === "bob@example.com");
    expect(row).toMatchObject({ outcome: "refused", actorKind: "anonymous" });
    expect(JSON.stringify(row)).not.toContain("not-the-password");
  });
});
