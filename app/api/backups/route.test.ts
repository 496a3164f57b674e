import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth";
import { installStores } from "@/lib/backups";
import { backupFixture, writeCounts, type BackupFixture } from "@/testing/backups";
import { installTestDatabase } from "@/testing/fixtures";
import { GET, POST } from "./route";
import { GET as COMPLIANCE } from "../compliance/route";
import { GET as CSV } from "../compliance/report.csv/route";

const base = "http://localhost:3000";
const req = (
  path: string,
  init: { method?: string; token?: string; origin?: string; body?: unknown } = {},
) =>
  new Request(base + path, {
    method: init.method ?? "GET",
    headers: {
      host: "localhost:3000",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

describe("backups API", () => {
  let f: BackupFixture;
  const tokens = { viewer: "", operator: "" };
  beforeAll(async () => {
    f = await backupFixture("pglite");
    installTestDatabase(f.database);
    installStores(f.stores);
    tokens.viewer = (await createApiToken(f.db, { name: "v", role: "viewer" })).token;
    tokens.operator = (await createApiToken(f.db, { name: "o", role: "operator" })).token;
  });
  afterAll(() => f.close());

  it("reads need a viewer; bad filters are 400 with the field named", async () => {
    expect((await GET(req("/api/backups"))).status).toBe(401);
    const ok = await GET(req("/api/backups?service=contoso-edi", { token: tokens.viewer }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ total: 0, page: 1 });
    const bad = await GET(req("/api/backups?from=yesterday", { token: tokens.viewer }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/from/);
    const unknown = await GET(req("/api/backups?colour=red", { token: tokens.viewer }));
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(
      /Unknown query parameter "colour"/,
    );
    const status = await GET(req("/api/backups?status=great", { token: tokens.viewer }));
    expect(status.status).toBe(400);
  });

  it("a viewer's or a cross-origin post is refused and changes nothing; an operator's is accepted", async () => {
    const before = await writeCounts(f.db);
    const body = { service: "contoso-edi" };
    expect(
      (await POST(req("/api/backups", { method: "POST", token: tokens.viewer, body }))).status,
    ).toBe(403);
    const cross = await POST(
      req("/api/backups", {
        method: "POST",
        token: tokens.operator,
        body,
        origin: "https://evil.example",
      }),
    );
    expect(cross.status).toBe(403);
    expect(await writeCounts(f.db)).toEqual(before);
    const ok = await POST(req("/api/backups", { method: "POST", token: tokens.operator, body }));
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ serviceId: "contoso-edi", status: "queued" });
  });

  it("the compliance report and its CSV need a viewer; days must be 30 or 90", async () => {
    expect((await COMPLIANCE(req("/api/compliance"))).status).toBe(401);
    const report = await COMPLIANCE(req("/api/compliance?days=90", { token: tokens.viewer }));
    expect(((await report.json()) as { trend: unknown[] }).trend).toHaveLength(90);
    expect((await COMPLIANCE(req("/api/compliance?days=7", { token: tokens.viewer }))).status).toBe(
      400,
    );
    const csv = await CSV(req("/api/compliance/report.csv", { token: tokens.viewer }));
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("service,region,edition,overall,rule,verdict,evidence,items,next steps");
    expect(lines).toHaveLength(1 + 4 * 8); // 4 services, 8 rules each (restorable included)
    expect(lines.filter((l) => l.includes("A restore drill succeeded lately"))).toHaveLength(4);
    // A failing rule's row names what fixes it, the role it needs and where.
    expect(
      lines.find((l) => l.startsWith("fabrikam-b2b,") && l.includes("Backed up within the RPO")),
    ).toContain("Take a backup now (operator): /services/fabrikam-b2b#take-backup");
  });
});
