import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { axeEveryMode, h1 } from "./a11y";
import { ADMIN_TOKEN } from "./env";
import { expect, expectAllOperational, test } from "./support";

/**
 * The axe checks of an operator's backup and restore pages. They need a finished restore, which
 * leaves a new service on the shared app; the specs that count the demo estate (board, platform,
 * live, offline, pages) run before this file, which is why it is not in axe.spec.ts.
 */
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** The newest succeeded backup of contoso-edi, as the admin API lists it. */
async function aBackup(request: APIRequestContext): Promise<string> {
  const { rows } = await json<{ rows: { id: string }[] }>(
    await request.get("/api/backups?service=contoso-edi&status=succeeded", { headers: auth }),
  );
  expect(rows.length, "contoso-edi has a succeeded backup").toBeGreaterThan(0);
  return rows[0]!.id;
}

/** A finished restore of that backup into a new service, made through the API as a client would. */
async function aRestore(request: APIRequestContext, backupId: string): Promise<string> {
  const target = `axe-${randomUUID().slice(0, 8)}`;
  const restore = await json<{ id: string }>(
    await request.post("/api/restores", {
      headers: auth,
      data: {
        backupId,
        target,
        region: "eastus",
        edition: "premium",
        trackingDatabase: `${target}-tracking`,
        storage: target.replace(/-/g, ""),
        confirm: target,
        idempotencyKey: randomUUID(),
      },
    }),
  );
  await expect
    .poll(
      async () =>
        (
          await json<{ status: string }>(
            await request.get(`/api/restores/${restore.id}`, { headers: auth }),
          )
        ).status,
      { message: `the restore into ${target} finishes` },
    )
    .toBe("succeeded");
  return restore.id;
}

const IN_EVERY_MODE = "desktop and phone, light and dark";

test.describe.configure({ timeout: 300_000 });

test.beforeEach(async ({ request }) => {
  await expectAllOperational(request);
});

test(`an operator's backup and restore pages have no serious or critical axe violations, ${IN_EVERY_MODE}`, async ({
  browser,
  request,
}) => {
  const backupId = await aBackup(request);
  const restoreId = await aRestore(request, backupId);
  const found = await axeEveryMode(browser, "operator", [
    { path: "/backups", ready: h1("Backups") },
    { path: `/backups/${backupId}` },
    { path: "/restores" },
    { path: "/restores/new" },
    { path: `/restores/new?backup=${backupId}` },
    { path: `/restores/${restoreId}` },
    { path: "/regions/westeurope/evacuate", ready: h1("Evacuate West Europe") },
  ]);
  expect(found).toEqual([]);
});
