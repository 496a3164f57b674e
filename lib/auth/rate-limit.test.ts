import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { handleAuthRequest } from "./instance";
import { addUser, browserPost, createTestAuth } from "../../testing/auth";

describe.each(ENGINES)("sign-in rate limit on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await addUser(database, { email: "eve@example.com", role: "viewer" });
  });
  afterAll(() => database.close());

  it("counts attempts in the store, across instances, per client address, and audits refusals", async () => {
    // Two app instances on one store: the limit is shared, as when several run behind a balancer.
    const env = { STANDFAST_SIGN_IN_LIMIT: "3/1h" };
    const instances = [createTestAuth(database, env), createTestAuth(database, env)];
    const attempt = (i: number, client: string, password = "wrong-password-1") =>
      handleAuthRequest(
        browserPost(
          "/api/auth/sign-in/email",
          { email: "eve@example.com", password },
          { "x-forwarded-for": client },
        ),
        instances[i % 2],
      );
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt(i, "198.51.100.7")).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await attempt(3, "198.51.100.7", "correct-horse-battery");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // Another client is not held back by the first one's attempts.
    expect((await attempt(4, "198.51.100.8", "correct-horse-battery")).status).toBe(200);
    const audit = await database.db.select().from(tables.auditLog);
    expect(
      audit.filter(
        (r) => r.action === "auth.sign-in" && /Too many sign-in attempts/.test(r.detail ?? ""),
      ),
    ).toEqual([
      expect.objectContaining({
        outcome: "refused",
        target: "eve@example.com",
        input: { method: "password", client: "198.51.100.7" },
      }),
    ]);
  });
});
