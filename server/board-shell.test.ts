import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { invalidateSnapshot } from "../lib/health";
import { createIncident, postIncidentUpdate } from "../lib/incidents";
import type { Actor } from "../lib/roles";
import { installSettings, parseSettings } from "../lib/settings";
import { ENGINES, openEstateDatabase, type TestDatabase } from "../testing/fixtures";
import { createShellCache, SHELL_AT_MOST_MS } from "./board-shell";
import type { Rendered } from "./next-render";

const operator: Actor = { kind: "user", id: "u-op", name: "Olivia Operator", role: "operator" };

describe.each(ENGINES)("the page around the board on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    installSettings(parseSettings({}));
    database = await openEstateDatabase(engine);
    invalidateSnapshot();
  });
  afterAll(() => database?.close());
  afterEach(() => vi.useRealTimers());

  /** A stand-in for Next: each page it renders is numbered; `status` is what it answers. */
  function cache(status = 200) {
    const asked: string[] = [];
    const shellOf = createShellCache({
      db: () => database.db,
      render: async (path): Promise<Rendered> => {
        asked.push(path);
        return { status, headers: {}, body: Buffer.from(`page ${asked.length} of ${path}`) };
      },
    });
    return { asked, shellOf };
  }

  it("is asked of Next once while its notices hold, per path", async () => {
    const { asked, shellOf } = cache();
    expect((await shellOf("/")).body.toString()).toBe("page 1 of /");
    invalidateSnapshot();
    expect((await shellOf("/")).body.toString()).toBe("page 1 of /");
    expect((await shellOf("/?problems=1")).body.toString()).toBe("page 2 of /?problems=1");
    expect(asked).toEqual(["/", "/?problems=1"]);
  });

  it("is asked again when an incident is opened, updated or resolved", async () => {
    const { asked, shellOf } = cache();
    await shellOf("/");
    const ctx = { actor: operator, db: database.db };
    const id = await createIncident(ctx, {
      title: "Tracking database failover",
      impact: "major",
      message: "Investigating.",
      components: ["contoso-edi.tracking-db"],
    });
    expect((await shellOf("/")).body.toString()).toBe("page 2 of /");
    expect((await shellOf("/")).body.toString()).toBe("page 2 of /");
    await postIncidentUpdate(ctx, id, { status: "resolved", message: "Failed back." });
    expect((await shellOf("/")).body.toString()).toBe("page 3 of /");
    expect(asked).toHaveLength(3);
  });

  it("is asked again once a minute old, and never kept when Next does not answer with the page", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { asked, shellOf } = cache();
    await shellOf("/");
    vi.setSystemTime(Date.now() + SHELL_AT_MOST_MS - 1_000);
    await shellOf("/");
    expect(asked).toHaveLength(1);
    vi.setSystemTime(Date.now() + 2_000);
    await shellOf("/");
    expect(asked).toHaveLength(2);

    const failing = cache(500);
    await failing.shellOf("/");
    await failing.shellOf("/");
    expect(failing.asked).toHaveLength(2);
  });
});
