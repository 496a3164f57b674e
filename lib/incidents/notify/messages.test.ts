import { describe, expect, it } from "vitest";
import { describeEvent, linkOf } from "./messages";

const URL = "https://status.example.com/";
const at = "2026-12-03T12:00:00.000Z";

describe("what a notification says and where it links", () => {
  it("an incident links to its page and says its status, impact, message and services", () => {
    const message = describeEvent(
      {
        kind: "incident.opened",
        incidentId: "inc 1",
        title: "Contoso EDI bridges failing",
        status: "investigating",
        impact: "major",
        message: "Messages are queued.",
        componentIds: ["contoso-edi.roles"],
        serviceIds: ["contoso-edi"],
        at,
      },
      URL,
    );
    expect(message).toEqual({
      title: "Incident opened: Contoso EDI bridges failing",
      lines: [
        "Status: investigating. Impact: major.",
        "Messages are queued.",
        "Services: contoso-edi.",
      ],
      url: "https://status.example.com/incidents/inc%201",
      impact: "major",
    });
  });

  it("maintenance links to the maintenance page, not to an incident", () => {
    expect(
      linkOf(
        {
          kind: "maintenance.started",
          maintenanceId: "m-1",
          title: "Storage failover drill",
          componentIds: [],
          serviceIds: [],
          at,
        },
        URL,
      ),
    ).toBe("https://status.example.com/maintenance/m-1");
  });

  it("a status change names the component, both statuses in words and its page", () => {
    const message = describeEvent(
      {
        kind: "component.status_changed",
        componentId: "contoso-edi.roles",
        componentName: "contoso-edi roles",
        fromStatus: "operational",
        toStatus: "major_outage",
        reason: "2 of 2 instances down",
        serviceIds: ["contoso-edi"],
        at,
      },
      URL,
    );
    expect(message.title).toBe("contoso-edi roles is Major outage");
    expect(message.lines[0]).toBe(
      "contoso-edi roles (contoso-edi.roles) changed from Operational to Major outage.",
    );
    expect(message.url).toBe("https://status.example.com/components/contoso-edi.roles");
  });
});
