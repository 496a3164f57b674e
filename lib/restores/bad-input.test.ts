import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OperationInput } from "../control-plane/operations";
import { runOperation } from "../control-plane";
import { BackupRequest, ScheduleInput, requestBackup, setSchedule } from "../backups/requests";
import { verifyBackup } from "../backups/verify";
import { isDomainError } from "../errors";
import { backupFixture, writeCounts, type BackupFixture } from "../../testing/backups";
import { restoreCounts } from "../../testing/restores";
import { RestoreCheck, checkRestore, deleteFailedService, resumeService } from "./requests";

// Every write verb, fed 1,000 generated inputs each that its schema refuses (or ids that name
// nothing): each call must end in a clear domain error, and nothing may change.
const RUNS = 1_000;

describe("generated bad input to every backup, operation and restore write", () => {
  let f: BackupFixture;
  beforeAll(async () => {
    f = await backupFixture("pglite");
  });
  afterAll(() => f.close());

  const refusedClearly = async (call: () => Promise<unknown>) => {
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(error), `accepted, or crashed with ${String(error)}`).toBe(true);
    expect((error as Error).message.length).toBeGreaterThan(10);
  };
  const invalidFor = (schema: { safeParse: (v: unknown) => { success: boolean } }) =>
    fc.anything().filter((v) => !schema.safeParse(v).success);
  const state = async () => ({ ...(await writeCounts(f.db)), ...(await restoreCounts(f.db)) });

  const cases: [string, fc.Arbitrary<unknown>, (raw: unknown) => Promise<unknown>][] = [
    [
      "requestBackup",
      invalidFor(BackupRequest),
      (raw) => requestBackup(f.ctx("admin"), raw, { stores: f.stores }),
    ],
    [
      "setSchedule",
      invalidFor(ScheduleInput),
      (raw) => setSchedule(f.ctx("admin"), "contoso-edi", raw, { stores: f.stores }),
    ],
    [
      "runOperation",
      invalidFor(OperationInput),
      (raw) => runOperation(f.ctx("admin"), "contoso-edi", raw),
    ],
    [
      "checkRestore",
      invalidFor(RestoreCheck),
      (raw) =>
        checkRestore(f.ctx("admin"), raw, {
          stores: f.stores,
          regionStatus: async () => "operational",
        }),
    ],
    [
      "verifyBackup",
      fc.string(),
      (id) => verifyBackup(f.ctx("admin"), id as string, { stores: f.stores }),
    ],
    ["resumeService", fc.string(), (id) => resumeService(f.ctx("admin"), id as string)],
    ["deleteFailedService", fc.string(), (id) => deleteFailedService(f.ctx("admin"), id as string)],
  ];

  it.each(cases)(
    "%s: 1,000 bad inputs give clear errors and change nothing",
    async (_name, input, call) => {
      const before = await state();
      await fc.assert(
        fc.asyncProperty(input, (raw) => refusedClearly(() => call(raw))),
        { numRuns: RUNS },
      );
      expect(await state()).toEqual(before);
    },
  );
});
