import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../testing/db";
import type { Database } from "../db/types";
import { forbidden } from "../errors";
import type { Actor } from "../roles";
import { auditRefusals, listAudit, recordAudit, withTransaction, type AuditCtx } from ".";

const operator: Actor = { kind: "api-token", id: "ops-bot", name: "ops-bot", role: "operator" };

// Two verbs in the shape every write verb has: authorize and write inside auditRefusals, audit
// the success in the verb's own transaction.
const writeVerb = (ctx: AuditCtx, target: string) =>
  auditRefusals(ctx, "test.write", target, () =>
    ctx.db.transaction((tx) =>
      recordAudit(tx, { actor: ctx.actor, action: "test.write", target, outcome: "ok" }),
    ),
  );
const adminVerb = (ctx: AuditCtx, target: string) =>
  auditRefusals(ctx, "test.admin", target, async () => {
    throw forbidden(`test.admin needs the admin role; ${ctx.actor.name} has operator.`);
  });

describe.each(ENGINES)("withTransaction: verbs under one outer transaction, on %s", (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(() => database.close());

  const rows = async () =>
    (await listAudit(database.db, {})).rows
      .map((r) => `${r.action} ${r.target} ${r.outcome}`)
      .sort();

  it("commits every verb's writes together", async () => {
    await withTransaction({ actor: operator, db: database.db }, async (tx) => {
      await writeVerb(tx, "a");
      await writeVerb(tx, "b");
    });
    expect(await rows()).toEqual(["test.write a ok", "test.write b ok"]);
  });

  it("rolls back the writes made before a refusal, and still audits the refusal", async () => {
    await expect(
      withTransaction({ actor: operator, db: database.db }, async (tx) => {
        await writeVerb(tx, "a");
        await adminVerb(tx, "b");
      }),
    ).rejects.toThrow(/needs the admin role/);
    expect(await rows()).toEqual(["test.admin b refused"]);
  });

  it("audits a refusal the caller caught, with the writes that then committed", async () => {
    await withTransaction({ actor: operator, db: database.db }, async (tx) => {
      await adminVerb(tx, "b").catch(() => {});
      await writeVerb(tx, "a");
    });
    expect(await rows()).toEqual(["test.admin b refused", "test.write a ok"]);
  });

  it("nests: an inner transaction's refusal is audited once the outermost has ended", async () => {
    await expect(
      withTransaction({ actor: operator, db: database.db }, (outer) =>
        withTransaction(outer, async (inner) => {
          await writeVerb(inner, "a");
          await adminVerb(inner, "c");
        }),
      ),
    ).rejects.toThrow(/needs the admin role/);
    expect(await rows()).toEqual(["test.admin c refused"]);
  });

  it("without an outer transaction, a refusal is audited at once", async () => {
    await expect(adminVerb({ actor: operator, db: database.db }, "d")).rejects.toThrow();
    expect(await rows()).toEqual(["test.admin d refused"]);
  });
});
