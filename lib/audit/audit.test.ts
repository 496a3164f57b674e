import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../auth/roles";
import { tables } from "../db";
import { createTestDatabase, ENGINES } from "../db/testing";
import type { Database } from "../db/types";
import { auditRefusals, auditTarget, listAudit, recordAudit } from ".";
import { readAuditRows } from "../testing/fixtures";
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
