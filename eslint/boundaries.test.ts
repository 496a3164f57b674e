import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Fixtures: source text linted as if it sat at a path in this repository, with the repository's
// own ESLint configuration, so the rule is proven exactly as `npm run lint` runs it.
const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function boundaryProblems(filePath: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === "standfast/boundaries").map((m) => m.message);
}

describe("the layout's boundaries (eslint/boundaries.mjs)", () => {
  it("refuses a domain's insides from another domain, by relative path and by alias alike", async () => {
    for (const spec of ["../health/poller", "@/lib/health/poller", "../health/sources/http"]) {
      const problems = await boundaryProblems(
        "lib/backups/fixture.ts",
        `import { x } from "${spec}";\nexport const y = x;\n`,
      );
      expect(problems, spec).toEqual([expect.stringContaining("reaches into lib/health/")]);
    }
  });

  it("refuses them from app/, components/, server/ and cli/ too", async () => {
    for (const file of [
      "app/fixture.ts",
      "components/fixture.tsx",
      "server/fixture.ts",
      "cli/fixture.ts",
    ]) {
      const problems = await boundaryProblems(
        file,
        `import { x } from "@/lib/restores/runner";\nexport const y = x;\n`,
      );
      expect(problems, file).toEqual([expect.stringContaining("reaches into lib/restores/")]);
    }
  });

  it("allows a domain's index, its public entries, and its own insides", async () => {
    const source = [
      `import { a } from "../health";`,
      `import { b } from "@/lib/status/vocabulary";`,
      `import type { C } from "../health/source-types";`,
      `import { d } from "./compliance";`,
      `export const e = [a, b, d] as C[];`,
    ].join("\n");
    expect(await boundaryProblems("lib/backups/fixture.ts", source)).toEqual([]);
  });

  it("keeps the layers pointing one way: lib never imports app or components, components never app", async () => {
    expect(
      await boundaryProblems(
        "lib/health/fixture.ts",
        `export { x } from "../../components/board/format";\n`,
      ),
    ).toEqual([expect.stringContaining("lib/ must not import components/")]);
    expect(
      await boundaryProblems("lib/health/fixture.ts", `export { x } from "@/app/page";\n`),
    ).toEqual([expect.stringContaining("lib/ must not import app/")]);
    expect(
      await boundaryProblems(
        "components/backups/fixture.tsx",
        `export { x } from "@/app/backups/page";\n`,
      ),
    ).toEqual([expect.stringContaining("components/ must not import app/")]);
  });

  it("keeps app/ and components/ away from the store, in product code", async () => {
    expect(await boundaryProblems("app/fixture.ts", `export { getDb } from "@/lib/db";\n`)).toEqual(
      [expect.stringContaining("must not import the database layer")],
    );
  });

  it("knows every folder of lib/ as a domain, including one made after the rule was written", async () => {
    const problems = await boundaryProblems(
      "lib/backups/fixture.ts",
      `import { x } from "../some-new-domain/inside";\nexport const y = x;\n`,
    );
    expect(problems).toEqual([expect.stringContaining("reaches into lib/some-new-domain/")]);
  });

  it("lets tests reach into what they test", async () => {
    expect(
      await boundaryProblems(
        "lib/backups/fixture.test.ts",
        `import { x } from "../health/poller";\nexport const y = x;\n`,
      ),
    ).toEqual([]);
  });
});
