import { describe, expect, it } from "vitest";
import { boardOf, demoEstate, reading } from "@/testing/boards";
import { describeChanges, statusesOf } from "./announce";

const demo = demoEstate();

describe("the board's announcements", () => {
  it("names each changed component by the services that use it, in words", () => {
    const before = statusesOf(boardOf(demo));
    const after = boardOf(demo, { "fabrikam-b2b.storage": reading("degraded_performance") });
    expect(describeChanges(before, after, after.overall.description)).toBe(
      "fabrikam-b2b storage account: degraded.",
    );
  });

  it("says the worst news first when many components change at once", () => {
    const unknown = Object.fromEntries(
      demo.components.map((c) => [c.id, reading("unknown", { checkedAt: null })]),
    );
    const before = statusesOf(boardOf(demo, unknown));
    // Everything comes back at once, and one of them is down.
    const after = boardOf(demo, { "northwind-dev.roles": reading("major_outage") });
    const message = describeChanges(before, after, null);
    expect(message).toMatch(/^northwind-dev role instances: major outage; /);
    expect(message).toMatch(/and \d+ more changes\.$/);
  });
});
