import { describe, expect, it } from "vitest";
import { routerStateProblem } from "./router-state";

const tree = (state: unknown) => encodeURIComponent(JSON.stringify(state));

describe("the Next-Router-State-Tree header", () => {
  it("is fine when absent or a router state Next sends", () => {
    expect(routerStateProblem(undefined)).toBeNull();
    expect(routerStateProblem(tree(["", { children: ["__PAGE__", {}] }]))).toBeNull();
  });

  it("is a problem when it is not JSON, not a router state, or sent twice", () => {
    for (const bad of ["then", "%E0%A4%A", tree({ children: [] }), tree(["", { x: "y" }])])
      expect(routerStateProblem(bad)).toMatch(
        /^The Next-Router-State-Tree header is not a router state/,
      );
    expect(routerStateProblem([tree(["", {}]), tree(["", {}])])).toMatch(
      /Multiple router state headers/,
    );
  });
});
