import { describe, expect, it } from "vitest";
import type { BoardComponent } from "@/lib/health/board-types";
import type { Status } from "@/lib/status/vocabulary";
import { regionOptions } from "./region-options";

const component = (id: string, region: string, status: Status, read = true) =>
  ({ id, region, status, checkedAt: read ? "2026-11-24T10:00:00.000Z" : null }) as BoardComponent;

const regions = [
  { id: "westeurope", name: "West Europe", status: "operational" as const },
  { id: "northeurope", name: "North Europe", status: "operational" as const },
  { id: "eastus", name: "East US", status: "operational" as const },
  { id: "westus", name: "West US", status: "operational" as const },
];

describe("target regions offered for a restore", () => {
  const options = regionOptions({
    regions,
    components: {
      a: component("a", "westeurope", "operational"),
      b: component("b", "westeurope", "degraded_performance"),
      c: component("c", "eastus", "operational"),
      d: component("d", "eastus", "major_outage"),
      e: component("e", "westus", "operational"),
      f: component("f", "westus", "unknown", false),
    },
  });
  const of = (id: string) => options.find((o) => o.id === id);

  it("a region is as bad as its worst component; degraded still takes a restore, an outage does not", () => {
    expect(of("westeurope")).toMatchObject({ status: "degraded_performance", healthy: true });
    expect(of("eastus")).toMatchObject({ status: "major_outage", healthy: false });
  });

  it("a region with no component read is unknown, never green, though the board calls it operational", () => {
    expect(of("northeurope")).toMatchObject({ status: "unknown", healthy: false });
  });

  it("a component never read yet (a service just restored there) says nothing about its region", () => {
    expect(of("westus")).toMatchObject({ status: "operational", healthy: true });
  });

  it("keeps the board's order and names", () => {
    expect(options.map((o) => o.name)).toEqual([
      "West Europe",
      "North Europe",
      "East US",
      "West US",
    ]);
  });
});
