import { describe, expect, it } from "vitest";
import type { RestoreView } from "@/lib/restores/restore-types";
import { workerNotice } from "./worker-notice-text";

const at = Date.parse("2026-12-03T10:42:05Z");
const view = (
  over: Partial<Pick<RestoreView, "status" | "step">>,
  worker: Partial<RestoreView["worker"]> = {},
): Pick<RestoreView, "status" | "step" | "worker"> => ({
  status: "running",
  step: "create",
  ...over,
  worker: {
    heartbeatAt: new Date(at).toISOString(),
    attempts: 1,
    maxAttempts: 3,
    lostAt: null,
    lostAfterMs: 10_000,
    ...worker,
  },
});

describe("what the restore page says about its worker", () => {
  it("nothing while the worker beats within the limit", () => {
    expect(workerNotice(view({}), at + 9_999)).toBeNull();
  });

  it("a silent worker past the limit is called out, with its age, at the browser's time", () => {
    expect(workerNotice(view({}), at + 25_000)).toEqual({
      tone: "warning",
      text: expect.stringMatching(
        /^The worker running this restore has not been heard from for 25 s \(last heartbeat 10:42:05 UTC\)\. After 10 s without a heartbeat it counts as lost: another Standfast instance takes the restore over and resumes it at "Create the service \(restoring\)"/,
      ),
    });
  });

  it("a lost worker's job, queued again, says it will resume, and where", () => {
    const lost = workerNotice(
      view({ status: "queued", step: "apply" }, { lostAt: "2026-12-03T10:42:20.000Z" }),
      at + 16_000,
    );
    expect(lost?.tone).toBe("warning");
    expect(lost?.text).toBe(
      'The worker running this restore was lost at 10:42:20 UTC (no heartbeat for 10 s). It is queued to resume at "Apply the configuration" on the next free instance (attempt 2 of 3).',
    );
  });

  it("a job resumed by another instance says so", () => {
    expect(
      workerNotice(view({}, { attempts: 2, lostAt: "2026-12-03T10:42:20.000Z" }), at + 1_000),
    ).toEqual({
      tone: "info",
      text: 'A worker running this restore was lost at 10:42:20 UTC; another instance resumed it at "Create the service (restoring)" (attempt 2 of 3).',
    });
  });

  it("a finished restore says nothing about its workers", () => {
    expect(
      workerNotice(
        view(
          { status: "succeeded", step: "done" },
          { lostAt: "2026-12-03T10:42:20.000Z", attempts: 2 },
        ),
        at + 60_000,
      ),
    ).toBeNull();
  });
});
