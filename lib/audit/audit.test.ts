import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../roles";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { auditRefusals, auditTarget, listAudit, listAuditPeople, recordAudit } from ".";
import { readAuditRows } from "../../testing/fixtures";
import { validationError } from "../errors";

const admin: Actor = { kind: "api-token", id: "ops-bot", name: "ops-bot", role: "admin" };
const SECRETS = ["s3cret-pw", "c2VjcmV0a2V5MTIzNDU2Nzg5MA==", "pfx-blob-MIIKsQ", "dbpass"];

describe.each(ENGINES)("audit rows never hold a secret, on %s", (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(() => database.close());

  const stored = async () => JSON.stringify(await database.db.select().from(tables.auditLog));

  it("recordAudit masks secrets in the input, target and detail, keeping the rest", async () => {
    await recordAudit(database.db, {
      actor: admin,
      action: "control-plane.operation",
      target: "postgres://standfast:dbpass@db.internal:5432/standfast",
      input: {
        kind: "update-ssl-certificate",
        certificate: { password: "s3cret-pw", pfxBase64: "pfx-blob-MIIKsQ", thumbprint: "AB12" },
        passwordChanged: true,
      },
      outcome: "failed",
      detail: "storage refused: AccountName=a;AccountKey=c2VjcmV0a2V5MTIzNDU2Nzg5MA==",
    });
    const text = await stored();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const [row] = (await listAudit(database.db, {})).rows;
    expect(row).toMatchObject({
      target: "postgres://standfast:[redacted]@db.internal:5432/standfast",
      input: {
        kind: "update-ssl-certificate",
        certificate: { password: "[redacted]", pfxBase64: "[redacted]", thumbprint: "AB12" },
        passwordChanged: true,
      },
      detail: "storage refused: AccountName=a;AccountKey=[redacted]",
    });
  });

  it("a refusal whose message quotes a secret is audited masked", async () => {
    await expect(
      auditRefusals({ actor: admin, db: database.db }, "backups.request", "svc", async () => {
        throw validationError("bad connection string Server=x;Password=s3cret-pw", {});
      }),
    ).rejects.toThrow(/Password=s3cret-pw/);
    expect(await stored()).not.toContain("s3cret-pw");
  });

  it("rows written before the guard are masked as they are read", async () => {
    await database.db.insert(tables.auditLog).values({
      actorKind: "user",
      actorId: "old",
      action: "legacy",
      target: null,
      input: { acsKey: "c2VjcmV0a2V5MTIzNDU2Nzg5MA==" },
      outcome: "ok",
      detail: "Password=s3cret-pw",
    });
    const text = JSON.stringify((await listAudit(database.db, {})).rows);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('"acsKey":"[redacted]"');
  });
});

describe.each(ENGINES)("the audit log read by people, on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    await db.insert(tables.users).values([
      { id: "u-megan", name: "Megan Bowen", email: "megan@contoso.example", role: "admin" },
      { id: "u-diego", name: "Diego Siciliani", email: "diego@fabrikam.example", role: "operator" },
    ]);
    await db
      .insert(tables.apiTokens)
      .values({ id: "tok-1", name: "ci-bot", tokenHash: "h", role: "operator" });
    const as = (kind: Actor["kind"], id: string): Actor => ({ kind, id, name: id, role: "admin" });
    await recordAudit(db, {
      actor: as("user", "u-megan"),
      action: "backups.request",
      outcome: "ok",
    });
    await recordAudit(db, {
      actor: as("user", "u-diego"),
      action: "restores.request",
      outcome: "ok",
    });
    await recordAudit(db, {
      actor: as("api-token", "tok-1"),
      action: "faults.inject",
      outcome: "ok",
    });
    // The demo's seeded history names people by e-mail.
    await recordAudit(db, {
      actor: as("user", "diego@fabrikam.example"),
      action: "control-plane.operation",
      outcome: "ok",
    });
    await recordAudit(db, { actor: as("user", "u-gone"), action: "auth.sign-in", outcome: "ok" });
  });
  afterAll(() => database.close());

  it("names each actor by name and e-mail, or token name; an unknown id stays an id", async () => {
    const rows = (await listAudit(database.db, {})).rows.map((r) => [
      r.actorId,
      r.actorName,
      r.actorEmail,
    ]);
    expect(rows).toEqual([
      ["u-gone", null, null],
      ["diego@fabrikam.example", "Diego Siciliani", "diego@fabrikam.example"],
      ["tok-1", "ci-bot", null],
      ["u-diego", "Diego Siciliani", "diego@fabrikam.example"],
      ["u-megan", "Megan Bowen", "megan@contoso.example"],
    ]);
  });

  it("filters by one person, and by part of a name or e-mail, with the other filters", async () => {
    const actions = async (params: Record<string, string>) =>
      (await listAudit(database.db, params)).rows.map((r) => r.action);
    expect(await actions({ person: "u-megan" })).toEqual(["backups.request"]);
    expect(await actions({ actor: "siciliani" })).toEqual([
      "control-plane.operation",
      "restores.request",
    ]);
    expect(await actions({ actor: "fabrikam.example", action: "restores." })).toEqual([
      "restores.request",
    ]);
    expect(await actions({ actor: "ci-bot" })).toEqual(["faults.inject"]);
    expect((await listAudit(database.db, { person: "u-megan" })).total).toBe(1);
  });

  it("lists the people in the log for the filter, by name and e-mail", async () => {
    expect(await listAuditPeople(database.db)).toEqual([
      { actorId: "tok-1", label: "ci-bot (API token)" },
      { actorId: "diego@fabrikam.example", label: "Diego Siciliani <diego@fabrikam.example>" },
      { actorId: "u-diego", label: "Diego Siciliani <diego@fabrikam.example>" },
      { actorId: "u-megan", label: "Megan Bowen <megan@contoso.example>" },
      { actorId: "u-gone", label: "u-gone" },
    ]);
  });
});

describe.each(ENGINES)("audit rows holding hostile text on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it("are written with NUL shown escaped and lone surrogates replaced, not lost", async () => {
    await recordAudit(database.db, {
      actor: { kind: "anonymous", id: "anon\u0000", name: "anonymous", role: null },
      action: "GET /api/backups/a\u0000b",
      target: "a\u0000b\ud800",
      input: { ["k\u0000"]: ["v\u0000", { deep: "\udfff" }] },
      outcome: "refused",
      detail: 'Backup "a\u0000b" was not found.',
    });
    const [row] = (await readAuditRows(database.db)).slice(-1);
    expect(row).toMatchObject({
      actorId: "anon\\u0000",
      action: "GET /api/backups/a\\u0000b",
      target: "a\\u0000b\ufffd",
      input: { "k\\u0000": ["v\\u0000", { deep: "\ufffd" }] },
      detail: 'Backup "a\\u0000b" was not found.',
    });
  });
});

describe("auditTarget", () => {
  it("is the named field when it is text, else null, whatever the input's shape", () => {
    expect(auditTarget({ service: "contoso-edi" }, "service")).toBe("contoso-edi");
    expect(auditTarget({ service: "x".repeat(500) }, "service")).toHaveLength(200);
    const hostile = JSON.parse('{"service":{"toString":"x","valueOf":"y"}}');
    for (const raw of [null, 5, "service", [], {}, { service: 7 }, hostile, Object.create(null)])
      expect(auditTarget(raw, "service")).toBeNull();
    expect(auditTarget({}, "constructor")).toBeNull();
  });
});
