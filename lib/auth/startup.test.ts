import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { parseSettings } from "../settings";
import { browserPost, createTestAuth } from "../../testing/auth";
import { DEMO_ACCOUNTS, demoAccounts } from "./demo-users";
import { handleAuthRequest } from "./instance";
import { ensureAuthSecret } from "./secret";
import { prepareSignIn } from "./startup";

describe.each(ENGINES)("sign-in at start-up on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  const setDemo = async (demo: boolean) =>
    database.db
      .insert(tables.estateMeta)
      .values({ origin: "test", source: "test", hash: "x", loadedAt: new Date(), demo })
      .onConflictDoUpdate({ target: tables.estateMeta.id, set: { demo } });

  it("with the demo estate, one user per role signs in with the details shown", async () => {
    await setDemo(true);
    const lines = await prepareSignIn(database.db, parseSettings({}), { demo: true });
    expect(lines).toContain("demo users (with the demo estate only; sign in at /sign-in):");
    const auth = createTestAuth(database, { STANDFAST_SIGN_IN_LIMIT: "100/1m" });
    for (const account of DEMO_ACCOUNTS) {
      expect(lines.some((l) => l.includes(account.email) && l.includes(account.password))).toBe(
        true,
      );
      const response = await handleAuthRequest(
        browserPost("/api/auth/sign-in/email", account),
        auth,
      );
      expect(response.status, account.email).toBe(200);
    }
    expect(await demoAccounts(database.db)).toEqual(DEMO_ACCOUNTS);
    // A second start resets what an admin changed, so the sign-in page stays true.
    const viewer = (await database.db.select().from(tables.users)).find(
      (u) => u.email === DEMO_ACCOUNTS[0]!.email,
    )!;
    await database.db.update(tables.users).set({ role: "admin", disabled: true });
    await prepareSignIn(database.db, parseSettings({}), { demo: true });
    const again = (await database.db.select().from(tables.users)).find((u) => u.id === viewer.id);
    expect(again).toMatchObject({ role: "viewer", disabled: false });
  });

  it("with a real estate, the demo users are removed and shown nowhere", async () => {
    await setDemo(false);
    const lines = await prepareSignIn(database.db, parseSettings({}), { demo: false });
    expect(lines).toContain("removed 3 demo user(s): this is not the demo estate");
    for (const account of DEMO_ACCOUNTS) expect(lines.join("\n")).not.toContain(account.password);
    expect(lines.at(-1)).toMatch(
      /^no admin user yet: create one with `npm run standfast -- create-admin/,
    );
    expect(await database.db.select().from(tables.users)).toEqual([]);
    expect(await demoAccounts(database.db)).toEqual([]);
  });

  it("the session key is made once and kept; STANDFAST_AUTH_SECRET wins", async () => {
    const first = await ensureAuthSecret(database.db);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await ensureAuthSecret(database.db)).toBe(first);
    expect(await ensureAuthSecret(database.db, "x".repeat(40))).toBe("x".repeat(40));
  });
});
