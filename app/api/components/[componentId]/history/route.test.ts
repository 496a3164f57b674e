import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";
import { closeDatabase, installDatabase, tables } from "@/lib/db";
import { createTestDatabase } from "@/testing/db";
import type { Database } from "@/lib/db/types";
import { loadDemoEstate } from "@/lib/estate/load";
import { syncEstate } from "@/lib/control-plane/estate-sync";

const estate = loadDemoEstate({ intervalMs: 30_000, timeoutMs: 5_000 });

async function get(componentId: string, query = "", headers: Record<string, string> = {}) {
  const request = new Request(
    `http://localhost/api/components/${encodeURIComponent(componentId)}/history${query}`,
    { headers },
  );
  const response = await GET(request, { params: Promise.resolve({ componentId }) });
  return { status: response.status, body: await response.json() };
}

describe("GET /api/components/:id/history", () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    installDatabase(database);
    await syncEstate(database.db, estate);
    const at = new Date(Date.now() - 60_000);
    await database.db.insert(tables.samples).values([
      { componentId: "contoso-edi.roles", at, status: "operational", latencyMs: 80 },
      {
        componentId: "contoso-edi.roles",
        at: new Date(at.getTime() + 1),
        status: "major_outage",
        latencyMs: 120,
      },
    ]);
  });
  afterAll(async () => closeDatabase());

  it("answers the 24h series by default, from the samples", async () => {
    const { status, body } = await get("contoso-edi.roles");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      componentId: "contoso-edi.roles",
      range: "24h",
      resolution: "samples",
    });
    expect(body.points).toHaveLength(144);
    const filled = body.points.filter((p: { samples: number }) => p.samples > 0);
    expect(filled).toEqual([
      expect.objectContaining({ availability: 50, latencyAvgMs: 100, latencyMaxMs: 120 }),
    ]);
  });

  it.each([
    ["7d", 168],
    ["30d", 180],
  ])("answers ?range=%s from the hourly roll-ups", async (range, points) => {
    const { status, body } = await get("contoso-edi.roles", `?range=${range}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ range, resolution: "hourly" });
    expect(body.points).toHaveLength(points);
  });

  it("answers 404 JSON for an unknown component", async () => {
    const { status, body } = await get("no-such.component", "?range=7d");
    expect(status).toBe(404);
    expect(body.error).toEqual({
      code: "not_found",
      message: 'Component "no-such.component" was not found.',
    });
  });

  it("answers 400 naming the parameter and the accepted values for a bad range", async () => {
    const { status, body } = await get("contoso-edi.roles", "?range=1y");
    expect(status).toBe(400);
    expect(body.error.code).toBe("validation");
    expect(body.error.message).toBe('Invalid range: expected one of 24h, 7d, 30d (got "1y")');
    expect(body.error.fields).toEqual({ range: ['expected one of 24h, 7d, 30d (got "1y")'] });
    expect((await get("contoso-edi.roles", "?range=")).status).toBe(400);
  });

  it("answers 400 for an unknown or repeated parameter", async () => {
    const unknown = await get("contoso-edi.roles", "?range=7d&from=2026-01-01");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /Unknown query parameter "from".*accepts only range \(24h, 7d, 30d\)/,
    );
    const twice = await get("contoso-edi.roles", "?range=7d&range=30d");
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields).toEqual({ range: ["given more than once"] });
  });

  it("refuses a malformed Authorization header rather than ignoring it", async () => {
    const { status } = await get("contoso-edi.roles", "", { authorization: "Token abc" });
    expect(status).toBe(401);
  });
});
