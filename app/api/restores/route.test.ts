import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth";
import { installStores } from "@/lib/backups";
import { backupFixture, type BackupFixture } from "@/testing/backups";
import { installTestDatabase, recordStatuses } from "@/testing/fixtures";
import { backedUp, restoreCounts, restoreInput } from "@/testing/restores";
import { POST } from "./route";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost:3000/api/restores", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );

describe("restore requests posted directly", () => {
  let f: BackupFixture;
  let viewer = "";
  let operator = "";
  let backupId = "";
  beforeAll(async () => {
    f = await backupFixture("pglite");
    installTestDatabase(f.database);
    installStores(f.stores);
    viewer = (await createApiToken(f.db, { name: "v", role: "viewer" })).token;
    operator = (await createApiToken(f.db, { name: "o", role: "operator" })).token;
    backupId = (await backedUp(f)).id;
    // The target region's health comes from the board: its components have been read.
    await recordStatuses(
      f.db,
      ["roles", "tracking-db", "storage", "acs"].map((c) => ({
        id: `contoso-edi.${c}`,
        status: "operational",
      })),
    );
  });
  afterAll(() => f.close());

  it("are refused for anonymous callers, viewers and foreign origins, and change nothing", async () => {
    const before = await restoreCounts(f.db);
    const body = restoreInput(backupId, { region: "westeurope" });
    expect((await post(body)).status).toBe(401);
    expect((await post(body, { authorization: `Bearer ${viewer}` })).status).toBe(403);
    const foreign = await post(body, {
      authorization: `Bearer ${operator}`,
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    const bad = await post(
      { ...body, edition: "platinum" },
      { authorization: `Bearer ${operator}` },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/edition/);
    expect(await restoreCounts(f.db)).toEqual(before);
  });

  it("are accepted for an operator, once per idempotency key", async () => {
    const body = restoreInput(backupId, { idempotencyKey: randomUUID(), region: "westeurope" });
    const auth = { authorization: `Bearer ${operator}` };
    const [a, b] = await Promise.all([post(body, auth), post(body, auth)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(((await a.json()) as { id: string }).id).toBe(((await b.json()) as { id: string }).id);
    expect((await restoreCounts(f.db)).restores).toBe(1);
  });
});
