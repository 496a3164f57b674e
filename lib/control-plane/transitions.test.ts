import { describe, expect, it } from "vitest";
import { SERVICE_STATES } from "../estate/types";
import {
  canTransition,
  restoreTargetRefusal,
  sourcesOf,
  TRANSITIONS,
  transitionRefusal,
  type Destination,
  type Lifecycle,
} from "./transitions";

const ALLOWED: [Lifecycle, Destination][] = [
  ["absent", "restoring"],
  ["deleted", "restoring"],
  ["restoring", "suspended"],
  ["restoring", "restore_failed"],
  ["suspended", "active"],
  ["restore_failed", "restoring"],
  ["restore_failed", "deleted"],
];
const PLACES: Lifecycle[] = ["absent", "deleted", ...SERVICE_STATES];
const DESTINATIONS: Destination[] = [...SERVICE_STATES, "deleted"];

describe("the service state transitions", () => {
  it("are exactly the restore lifecycle: create, suspend or fail, resume, delete or replace", () => {
    const pair = ([from, to]: string[]) => `${from}→${to}`;
    const listed = PLACES.flatMap((from) => TRANSITIONS[from].map((to) => pair([from, to])));
    expect(listed.toSorted()).toEqual(ALLOWED.map(pair).toSorted());
  });

  it.each(ALLOWED)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionRefusal("contoso-dr", from, to)).toBeNull();
  });

  it("refuses every other pair with a message naming the service, where it is and where it may come from", () => {
    const allowed = new Set(ALLOWED.map(([from, to]) => `${from}→${to}`));
    for (const from of PLACES)
      for (const to of DESTINATIONS) {
        if (allowed.has(`${from}→${to}`)) continue;
        expect(canTransition(from, to)).toBe(false);
        expect(transitionRefusal("contoso-dr", from, to)).toMatch(
          new RegExp(`^contoso-dr (exists and )?is ${from}: `),
        );
      }
  });

  it("says what is wrong in the domain's words", () => {
    expect(transitionRefusal("fabrikam-b2b", "active", "suspended")).toBe(
      "fabrikam-b2b is active: only a service that is restoring can become suspended.",
    );
    expect(transitionRefusal("fabrikam-b2b", "restoring", "active")).toBe(
      "fabrikam-b2b is restoring: only a service that is suspended can become active.",
    );
    expect(transitionRefusal("fabrikam-b2b", "active", "deleted")).toBe(
      "fabrikam-b2b is active: only a service in restore_failed can be deleted here.",
    );
    expect(transitionRefusal("fabrikam-b2b", "active", "updating")).toBe(
      "fabrikam-b2b is active: no service can be made updating by Standfast.",
    );
    expect(restoreTargetRefusal("fabrikam-b2b", { state: "active", retiredAt: null })).toBe(
      "fabrikam-b2b exists and is active: a restore may create its target only when it is absent, deleted or restore_failed",
    );
    expect(restoreTargetRefusal("fabrikam-b2b", { state: "active", retiredAt: new Date() })).toBe(
      null,
    );
    expect(restoreTargetRefusal("fabrikam-b2b", null)).toBeNull();
    expect(sourcesOf("restoring")).toEqual(["absent", "deleted", "restore_failed"]);
  });
});
