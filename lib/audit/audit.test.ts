import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../db/testing";
import type { Database } from "../db/types";
import { readAuditRows } from "../testing/fixtures";
import { auditTarget, recordAudit } from "./index";

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
