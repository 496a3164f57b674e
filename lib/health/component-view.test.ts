import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEstateDatabase, type TestDatabase } from "../../testing/fixtures";
import { getComponentView, getServiceView } from "./index";

describe("a component or service named like an Object property", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openEstateDatabase("pglite");
  });
  afterAll(() => database.close());

  it("is not found, rather than a crash", async () => {
    for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(await getComponentView(id, database.db), id).toBeNull();
      expect(await getServiceView(id, database.db), id).toBeNull();
    }
    expect(await getComponentView("contoso-edi.roles", database.db)).not.toBeNull();
  });
});
