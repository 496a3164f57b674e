import { describe, expect, it } from "vitest";
import { boardOf, demoEstate, reading, T0 } from "../../testing/boards";
import { ageLiveBoard } from "./board-age";
import { platformCounts, platformRows } from "./board-platform";

const demo = demoEstate();
const cell = (rows: ReturnType<typeof platformRows>, region: string, kind: string) =>
  rows.find((r) => r.region.id === region)!.cells.find((c) => c.kind === kind)!;

describe("the platform grid", () => {
  it("has a row per region and a cell per kind, each the worst of what serves there", () => {
    const rows = platformRows(
      boardOf(demo, {
        "fabrikam-shared-acs": reading("degraded_performance"),
        "contoso-edi.roles": reading("unknown"),
      }),
    );
    expect(rows.map((r) => r.region.id)).toEqual([
      "westeurope",
      "northeurope",
      "eastus",
      "westus",
      "southeastasia",
    ]);
    expect(
      rows.every(
        (r) =>
          r.cells.map((c) => c.kind).join() ===
          "role-instances,tracking-database,storage,access-control",
      ),
    ).toBe(true);
    const acs = cell(rows, "eastus", "access-control");
    expect(acs).toMatchObject({ status: "degraded_performance", total: 1, operational: 0 });
    expect(platformCounts(acs)).toBe("0 of 1 operational");
    // Unknown is never green.
    expect(cell(rows, "westeurope", "role-instances").status).toBe("unknown");
  });

  it("says nothing monitored, never green, where nothing of a kind is watched", () => {
    const rows = platformRows(boardOf(demo));
    const north = rows.find((r) => r.region.id === "northeurope")!;
    expect(north.watched).toBe(false);
    expect(north.region.status).toBe("unknown");
    expect(north.cells.map((c) => c.status)).toEqual(["none", "none", "none", "none"]);
    expect(platformCounts(north.cells[0]!)).toBe("nothing monitored");
    expect(cell(rows, "westus", "access-control").status).toBe("none");
  });

  it("counts role instances of a service not serving apart, and a failing read from the first failure", () => {
    const rows = platformRows(
      boardOf(demo, {
        "fabrikam-eai.roles": reading("major_outage"),
        "northwind-dev.acs": reading("operational", {
          attemptAt: new Date(T0.getTime() - 1_000),
          attemptError: "no answer within 5000 ms",
        }),
      }),
    );
    const paused = cell(rows, "westus", "role-instances");
    expect(paused).toMatchObject({ status: "paused", total: 0, notServing: 1 });
    expect(platformCounts(paused)).toBe("1 not serving");
    expect(platformCounts(cell(rows, "southeastasia", "access-control"))).toBe(
      "1 of 1 operational, 1 read failed",
    );
  });

  it("turns unknown in the browser as the copy ages past the staleness limit", () => {
    const aged = ageLiveBoard(boardOf(demo), T0.getTime() + 600_000);
    expect(platformRows(aged).flatMap((r) => r.cells.map((c) => c.status))).not.toContain(
      "operational",
    );
  });
});
