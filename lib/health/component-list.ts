/**
 * The list of components the platform grid links to (/components?kind=…&region=…): which query
 * is valid, and one page of the list. Pure: the page renders it, and the custom server uses the
 * same check to answer a bad query with 400.
 */
import { COMPONENT_KINDS, type ComponentKind } from "../estate/types";
import { KIND_PLURAL } from "./board-platform";
import type { LiveBoard, LiveComponent } from "./board-types";

export const LIST_PAGE_SIZE = 100;
const PARAMS = ["kind", "region", "page"] as const;

export type ComponentListQuery = {
  kind: ComponentKind | null;
  region: string | null;
  page: number;
};
export type ComponentListProblem = { message: string; fields: string[] };
export type Search = Record<string, string | string[] | undefined>;

/** Reads the query against the board's regions: the query, or what is wrong with it in words. */
export function parseComponentListQuery(
  params: Search,
  regions: { id: string }[],
): { ok: true; query: ComponentListQuery } | { ok: false; problem: ComponentListProblem } {
  const problems: string[] = [];
  const fields: string[] = [];
  const fail = (field: string, message: string) => (fields.push(field), problems.push(message));
  for (const key of Object.keys(params))
    if (!(PARAMS as readonly string[]).includes(key))
      fail(key, `Unknown filter "${key}": the list takes kind, region and page.`);
  const one = (key: (typeof PARAMS)[number]) => {
    const raw = params[key];
    if (Array.isArray(raw)) {
      fail(key, `Give ${key} once; it appears ${raw.length} times.`);
      return null;
    }
    return raw === undefined || raw === "" ? null : raw;
  };
  const kind = one("kind");
  const region = one("region");
  const page = one("page");
  if (kind !== null && !(COMPONENT_KINDS as readonly string[]).includes(kind))
    fail("kind", `Unknown kind "${kind}": use one of ${COMPONENT_KINDS.join(", ")}.`);
  if (region !== null && !regions.some((r) => r.id === region))
    fail(
      "region",
      `Unknown region "${region}": use one of ${regions.map((r) => r.id).join(", ")}.`,
    );
  if (page !== null && !/^[1-9]\d{0,5}$/.test(page))
    fail("page", `The page must be a whole number from 1; got "${page}".`);
  if (problems.length) return { ok: false, problem: { message: problems.join(" "), fields } };
  return {
    ok: true,
    query: { kind: kind as ComponentKind | null, region, page: page === null ? 1 : Number(page) },
  };
}

export type ComponentListPage = {
  title: string;
  total: number;
  page: number;
  pages: number;
  /** Problems first, worst first, then by name: as the board orders its services. */
  rows: (LiveComponent & { serviceIds: string[]; regionName: string })[];
};

const RANK: Record<LiveComponent["status"], number> = {
  major_outage: 0,
  partial_outage: 1,
  degraded_performance: 2,
  unknown: 3,
  under_maintenance: 4,
  operational: 5,
};

const matches = (c: LiveComponent, q: ComponentListQuery) =>
  (!q.kind || c.kind === q.kind) && (!q.region || c.region === q.region);

const pageCount = (total: number) => Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));

export function listComponents(
  view: Pick<LiveBoard, "components" | "regions" | "services">,
  query: ComponentListQuery,
): ComponentListPage | { pageOutOfRange: number } {
  const users = new Map<string, string[]>();
  for (const s of view.services)
    for (const l of s.components) (users.get(l.id) ?? users.set(l.id, []).get(l.id)!).push(s.id);
  const names = new Map(view.regions.map((r) => [r.id, r.name]));
  const all = Object.values(view.components)
    .filter((c) => matches(c, query))
    .sort(
      (a, b) => RANK[a.status] - RANK[b.status] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  const pages = pageCount(all.length);
  if (query.page > pages) return { pageOutOfRange: pages };
  const kind = query.kind ? KIND_PLURAL[query.kind] : "Components";
  const where = query.region ? ` in ${names.get(query.region) ?? query.region}` : "";
  return {
    title: `${kind}${where}`,
    total: all.length,
    page: query.page,
    pages,
    rows: all.slice((query.page - 1) * LIST_PAGE_SIZE, query.page * LIST_PAGE_SIZE).map((c) => ({
      ...c,
      serviceIds: users.get(c.id) ?? [],
      regionName: names.get(c.region) ?? c.region,
    })),
  };
}

/** The query's problem, page range included: what makes the list answer 400. Null when it is fine. */
export function componentListProblem(
  params: Search,
  view: Pick<LiveBoard, "components" | "regions" | "services">,
): ComponentListProblem | null {
  const parsed = parseComponentListQuery(params, view.regions);
  if (!parsed.ok) return parsed.problem;
  let total = 0;
  for (const id in view.components) if (matches(view.components[id]!, parsed.query)) total++;
  const pages = pageCount(total);
  if (parsed.query.page > pages)
    return {
      message: `There is no page ${parsed.query.page}: this list has ${pages} page${pages === 1 ? "" : "s"}.`,
      fields: ["page"],
    };
  return null;
}
