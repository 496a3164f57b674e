import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { FUZZ_GROUPS, fuzzTargets } from "../../testing/fuzz/api-targets";

vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

describe("the API fuzz suite", () => {
  it("sends its inputs to every route file and method under app/api, each in one group", async () => {
    const dir = import.meta.dirname;
    const files = (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => file.endsWith("route.ts"))
      .map((file) => file.split(path.sep).join("/"));
    const exported: string[] = [];
    for (const file of files) {
      const routeModule = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"])
        if (typeof routeModule[method] === "function") exported.push(`${file} ${method}`);
    }
    const targets = fuzzTargets({ backups: ["b"], services: ["s"], components: ["c"] });
    expect(targets.map((t) => `${t.file} ${t.method}`).sort()).toEqual(exported.sort());
    for (const t of targets)
      expect(
        Object.values(FUZZ_GROUPS).filter((inGroup) => inGroup(t.file)),
        t.file,
      ).toHaveLength(1);
  });
});
