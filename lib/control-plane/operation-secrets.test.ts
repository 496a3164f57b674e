import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows, tables } from "../db";
import { ENGINES } from "../../testing/db";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { importOperations, listOperations, readConfiguration, runOperation } from ".";
import { REDACTED, secretValues } from "../secrets";

describe.each(ENGINES)(
  "management operations keep secrets out of their records, on %s",
  (engine) => {
    let f: BackupFixture;
    beforeEach(async () => {
      f = await backupFixture(engine);
    });
    afterEach(() => f.close());

    const everythingRecorded = async () =>
      JSON.stringify([
        await f.db.select().from(tables.managementOperations),
        await queryRows(f.db, sql`select * from audit_log`),
        await listOperations(f.db),
      ]);

    it("an SSL certificate update records the thumbprints and that the key and password changed, never them", async () => {
      const before = (await readConfiguration(f.db, "contoso-edi"))!.configuration;
      const op = await runOperation(f.ctx("admin"), "contoso-edi", {
        kind: "update-ssl-certificate",
        validForDays: 397,
      });
      const after = (await readConfiguration(f.db, "contoso-edi"))!.configuration;
      expect(after.sslCertificate.password).not.toBe(before.sslCertificate.password);
      expect(op.detail).toEqual({
        before: {
          thumbprint: before.sslCertificate.thumbprint,
          expiresAt: before.sslCertificate.expiresAt,
        },
        after: {
          thumbprint: after.sslCertificate.thumbprint,
          expiresAt: after.sslCertificate.expiresAt,
        },
        privateKeyReplaced: true,
        passwordChanged: true,
      });
      const recorded = await everythingRecorded();
      for (const { what, value } of [...secretValues(before), ...secretValues(after)])
        expect(recorded.includes(value), `${what} is not recorded`).toBe(false);
    });

    it("an operation imported from elsewhere with a secret in its summary is stored and read masked", async () => {
      await importOperations(f.db, [
        {
          externalId: "azure-1",
          serviceId: "contoso-edi",
          kind: "Microsoft.Storage/storageAccounts/regenerateKey/action",
          summary:
            "Key regenerated: DefaultEndpointsProtocol=https;AccountName=a;AccountKey=bmV3a2V5",
          actor: "megan@contoso.example",
          at: new Date(),
        },
      ]);
      // A row recorded before masking existed is masked when read.
      await f.db.insert(tables.managementOperations).values({
        serviceId: "contoso-edi",
        kind: "update-ssl-certificate",
        summary: "replaced",
        detail: { certificate: { password: "b2xkLXBhc3N3b3Jk", thumbprint: "AB" } },
        actorKind: "user",
        actorId: "old",
        actorName: "old",
        at: new Date(),
      });
      const recorded = await everythingRecorded();
      expect(recorded).not.toContain("bmV3a2V5");
      expect(recorded.split("b2xkLXBhc3N3b3Jk")).toHaveLength(2); // only the raw row itself
      const listed = await listOperations(f.db, { serviceIds: ["contoso-edi"] });
      const imported = listed.find((o) => o.externalId === "azure-1");
      const old = listed.find((o) => o.actorId === "old");
      expect(imported!.summary).toMatch(/;AccountKey=\[redacted\]$/);
      expect(old!.detail).toEqual({ certificate: { password: REDACTED, thumbprint: "AB" } });
      const [raw] = await f.db
        .select()
        .from(tables.managementOperations)
        .where(eq(tables.managementOperations.externalId, "azure-1"));
      expect(raw!.summary).not.toContain("bmV3a2V5");
    });
  },
);
