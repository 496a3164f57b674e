import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../testing/db";
import { backupFixture, type BackupFixture } from "../../testing/backups";
import { backedUp } from "../../testing/restores";
import { requestDrill } from "./requests";
import { claimNextDrill, runDrill } from "./runner";

/**
 * A figure, not a speed test: the drill RTO (request to ready) of the demo estate's premium
 * service, contoso-edi, printed to the log; what is asserted is each drill's outcome.
 */
describe.each(ENGINES)("drill RTO of the premium demo service on %s", (engine) => {
  let f: BackupFixture;
  beforeAll(async () => {
    f = await backupFixture(engine);
  }, 120_000);
  afterAll(() => f?.close());

  it("drills contoso-edi five times, each one succeeding, and prints the RTO", async () => {
    const backup = await backedUp(f, "contoso-edi");
    const rtos: number[] = [];
    for (let i = 0; i < 5; i++) {
      await requestDrill(f.ctx("operator"), "contoso-edi", { backupId: backup.id });
      const claimed = (await claimNextDrill(f.db, "figures"))!;
      const done = await runDrill(f.db, claimed, f.stores);
      expect(done.status, done.reason ?? "").toBe("succeeded");
      expect(done.rtoMs).toBe(done.readyAt!.getTime() - done.requestedAt.getTime());
      rtos.push(done.rtoMs!);
    }
    const sorted = [...rtos].sort((a, b) => a - b);
    console.log(
      `[drill ${engine}] contoso-edi (premium) drill RTO: median ${sorted[2]} ms (5 drills: ${rtos.join("/")} ms)`,
    );
  });
});
