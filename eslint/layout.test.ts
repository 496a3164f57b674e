import path from "node:path";
import { describe, expect, it } from "vitest";
import { domainLoops, readLayout } from "../scripts/layout-graph.mjs";

const root = path.resolve(import.meta.dirname, "..");

describe("the layout (scripts/layout-graph.mjs)", () => {
  const layout = readLayout(root);

  it("has no loop between the domains of lib/: each domain imports only those below it", () => {
    expect(layout.domainLoops).toEqual([]);
  });

  it("names the domains of a loop, however long, and only those", () => {
    const graph = new Map([
      ["health", new Set(["estate", "status"])],
      ["estate", new Set(["status", "control-plane"])],
      ["control-plane", new Set(["health"])],
      ["restores", new Set(["health"])],
      ["status", new Set<string>()],
    ]);
    expect(domainLoops(graph)).toEqual([["control-plane", "estate", "health"]]);
    graph.get("control-plane")!.delete("health");
    expect(domainLoops(graph)).toEqual([]);
  });

  it("sees the real graph: the domains the poller's domain reads from, and none that read it back", () => {
    const health = layout.domainGraph.get("health");
    expect([...(health ?? [])]).toEqual(expect.arrayContaining(["estate", "status"]));
    for (const [from, to] of layout.domainGraph)
      if (to.has("health")) expect(health?.has(from), `${from} ⇄ health`).toBe(false);
  });

  it("reaches another domain's insides from product code nowhere (tests may)", () => {
    expect(layout.bypasses.filter((b) => !b.test).map((b) => b.import)).toEqual([]);
  });
});
