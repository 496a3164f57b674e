import { describe, expect, it } from "vitest";
import {
  claimValues,
  DEFAULT_ROLE_MAP,
  parseRoleMap,
  roleFromClaims,
  type RoleRule,
} from "./role-map";

const rules = (text: string): RoleRule[] => {
  const parsed = parseRoleMap(text);
  if (!("rules" in parsed)) throw new Error(parsed.problems.join("; "));
  return parsed.rules;
};

describe("role map", () => {
  it("parses value=role entries, trimming spaces; `*` is allowed", () => {
    expect(rules(" Standfast.Admin = admin , *=viewer")).toEqual([
      { value: "Standfast.Admin", role: "admin" },
      { value: "*", role: "viewer" },
    ]);
    expect(rules(DEFAULT_ROLE_MAP).map((r) => r.role)).toEqual(["admin", "operator", "viewer"]);
  });

  it("a value may contain `=` (the last one separates the role), such as a base64 group id", () => {
    expect(rules("abc==admin")).toEqual([{ value: "abc=", role: "admin" }]);
  });

  it("names each bad entry and what is expected", () => {
    expect(parseRoleMap("Ops=operator,Dev=boss,,noequals,=admin,Ops=viewer")).toEqual({
      problems: [
        'entry 2 "Dev=boss": role "boss" is not one of viewer, operator, admin',
        "entry 3 is empty: remove the extra comma",
        'entry 4 "noequals" must be <claim value>=<role>, such as Standfast.Admin=admin',
        'entry 5 "=admin" must be <claim value>=<role>, such as Standfast.Admin=admin',
        'entry 6: "Ops" is mapped twice; keep one',
      ],
    });
  });
});

describe("role from claims", () => {
  const map = rules("Standfast.Admin=admin,Standfast.Operator=operator,*=viewer");

  it("gives the highest role any value maps to, whatever the order", () => {
    expect(roleFromClaims({ roles: ["Standfast.Operator", "Standfast.Admin"] }, "roles", map)).toBe(
      "admin",
    );
    expect(roleFromClaims({ roles: ["x", "Standfast.Operator"] }, "roles", map)).toBe("operator");
  });

  it("`*` gives everyone who signs in at least that role", () => {
    expect(roleFromClaims({}, "roles", map)).toBe("viewer");
  });

  it("without `*`, a user whose values map to nothing gets no role", () => {
    const strict = rules("Standfast.Admin=admin");
    expect(roleFromClaims({ roles: ["Other"] }, "roles", strict)).toBeNull();
    expect(roleFromClaims({}, "roles", strict)).toBeNull();
  });

  it("matches values exactly, case and all", () => {
    expect(
      roleFromClaims({ roles: ["standfast.admin"] }, "roles", rules("Standfast.Admin=admin")),
    ).toBeNull();
  });

  it("reads arrays, a single string, numbers, and dotted paths into object claims", () => {
    expect(claimValues({ groups: ["a", 7, null, { x: 1 }] }, "groups")).toEqual(["a", "7"]);
    expect(claimValues({ role: "Ops Team" }, "role")).toEqual(["Ops Team"]);
    expect(claimValues({ realm_access: { roles: ["admin"] } }, "realm_access.roles")).toEqual([
      "admin",
    ]);
    expect(claimValues({ roles: { nested: true } }, "roles")).toEqual([]);
    expect(claimValues({}, "missing.path")).toEqual([]);
  });
});
