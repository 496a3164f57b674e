import { describe, expect, it } from "vitest";
import { boardOf, demoEstate, generatedEstate, reading } from "../../testing/boards";
import {
  componentListProblem,
  LIST_PAGE_SIZE,
  listComponents,
  parseComponentListQuery,
} from "./component-list";

const view = boardOf(demoEstate(), { "northwind-dev.acs": reading("major_outage") });
const parse = (params: Record<string, string | string[]>) =>
  parseComponentListQuery(params, view.regions);

describe("the component list's query", () => {
  it("takes a kind, a region and a page, each optional", () => {
    expect(parse({ kind: "storage", region: "eastus" })).toEqual({
      ok: true,
      query: { kind: "storage", region: "eastus", page: 1 },
    });
    expect(parse({})).toEqual({ ok: true, query: { kind: null, region: null, page: 1 } });
    expect(parse({ page: "3" })).toMatchObject({ ok: true, query: { page: 3 } });
  });

  it("says what is wrong with a bad one, naming every field", () => {
    const bad = parse({ kind: "disk", region: ["eastus", "westus"], page: "-1", sort: "name" });
    expect(bad).toEqual({
      ok: false,
      problem: {
        message:
          'Unknown filter "sort": the list takes kind, region and page. Give region once; it appears 2 times. ' +
          'Unknown kind "disk": use one of role-instances, tracking-database, storage, access-control. ' +
          'The page must be a whole number from 1; got "-1".',
        fields: ["sort", "region", "kind", "page"],
      },
    });
    expect(parse({ region: "mars" })).toMatchObject({ ok: false, problem: { fields: ["region"] } });
    expect(componentListProblem({ kind: "storage", page: "2" }, view)?.message).toBe(
      "There is no page 2: this list has 1 page.",
    );
    expect(componentListProblem({ kind: "storage" }, view)).toBeNull();
  });
});

describe("the component list", () => {
  it("lists exactly the kind and region asked for, worst first", () => {
    const page = listComponents(view, { kind: "access-control", region: null, page: 1 });
    if ("pageOutOfRange" in page) throw new Error("out of range");
    expect(page.title).toBe("Access-control namespaces");
    expect(page.rows.map((r) => r.id)).toEqual([
      "northwind-dev.acs",
      "contoso-edi.acs",
      "fabrikam-shared-acs",
    ]);
    expect(page.rows[2]!.serviceIds).toEqual(["fabrikam-b2b", "fabrikam-eai"]);
    const one = listComponents(view, { kind: "storage", region: "eastus", page: 1 });
    expect(one).toMatchObject({ title: "Storage accounts in East US", total: 1 });
  });

  it("pages a large estate", () => {
    const big = boardOf(generatedEstate(1_000, 4));
    const first = listComponents(big, { kind: "storage", region: null, page: 1 });
    const last = listComponents(big, { kind: "storage", region: null, page: 10 });
    if ("pageOutOfRange" in first || "pageOutOfRange" in last) throw new Error("out of range");
    expect(first).toMatchObject({ total: 1_000, pages: 10, page: 1 });
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(last.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(new Set([...first.rows, ...last.rows].map((r) => r.id)).size).toBe(2 * LIST_PAGE_SIZE);
    expect(listComponents(big, { kind: "storage", region: null, page: 11 })).toEqual({
      pageOutOfRange: 10,
    });
  });
});
