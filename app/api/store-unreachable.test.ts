import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth";
import { installStores } from "@/lib/backups";
import { STORE_UNREACHABLE_MESSAGE } from "@/lib/errors";
import { backupFixture, type BackupFixture } from "@/testing/backups";
import { installTestDatabase } from "@/testing/fixtures";
import { openEmbeddedStore, storeBehindProxy, type StoreBehindProxy } from "@/testing/store-outage";
import { GET as BACKUPS, POST as TAKE_BACKUP } from "./backups/route";
import { GET as RESTORE } from "./restores/[restoreId]/route";

const request = (path: string, token: string, init: RequestInit = {}) =>
  new Request(`http://localhost:3000${path}`, {
    ...init,
    headers: { host: "localhost:3000", authorization: `Bearer ${token}`, ...init.headers },
  });

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toEqual({
    error: { code: "unavailable", message: STORE_UNREACHABLE_MESSAGE },
  });
}

describe("route handlers while the store cannot be reached", () => {
  let direct: BackupFixture;
  let served: StoreBehindProxy;
  let token = "";

  beforeAll(async () => {
    direct = await backupFixture("postgres");
    installStores(direct.stores);
    token = (await createApiToken(direct.db, { name: "ops", role: "operator" })).token;
    served = await storeBehindProxy(direct.database.url!);
    installTestDatabase(served.database);
  });
  afterAll(async () => {
    await served?.close();
    await direct?.close();
  });

  it("answer 503 with Retry-After while PostgreSQL is away, and recover on their own", async () => {
    expect((await BACKUPS(request("/api/backups", token))).status).toBe(200);

    await served.proxy.cut();
    await expectUnavailable(await BACKUPS(request("/api/backups", token)));
    await expectUnavailable(
      await TAKE_BACKUP(
        request("/api/backups", token, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ service: "contoso-edi" }),
        }),
      ),
    );
    await expectUnavailable(
      await RESTORE(request("/api/restores/x", token), {
        params: Promise.resolve({ restoreId: "x" }),
      }),
    );

    await served.proxy.restore();
    await expect.poll(async () => (await BACKUPS(request("/api/backups", token))).status).toBe(200);
  });

  it("answer 503 when the embedded store is closed", async () => {
    const embedded = await openEmbeddedStore();
    const key = (await createApiToken(embedded.db, { name: "v", role: "viewer" })).token;
    installTestDatabase(embedded);
    try {
      expect((await BACKUPS(request("/api/backups", key))).status).toBe(200);
      await embedded.close();
      await expectUnavailable(await BACKUPS(request("/api/backups", key)));
    } finally {
      installTestDatabase(served.database);
    }
  });
});
