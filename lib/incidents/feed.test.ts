import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { incidentFeed } from "./feed";
import { groupByDay, serviceUptime } from "./history-days";
import type { IncidentView, MaintenanceView } from "./incident-types";

const URL = "https://status.example.com";

function incident(id: string, startedAt: string, extra: Partial<IncidentView> = {}): IncidentView {
  return {
    id,
    title: `Roles down <b>& "quoted"</b>`,
    status: "resolved",
    impact: "critical",
    impactSetBy: null,
    origin: "detected",
    startedAt,
    createdAt: startedAt,
    updatedAt: startedAt,
    monitoringAt: null,
    resolvedAt: startedAt,
    resolvedBy: "Standfast",
    operatorUpdatedAt: null,
    recoveredAt: null,
    postmortem: null,
    postmortemAt: null,
    components: [],
    regions: [],
    serviceIds: [],
    updates: [
      {
        id: `${id}-u`,
        status: "resolved",
        body: "Fixed <script>alert(1)</script> & done",
        createdAt: startedAt,
        author: { kind: "system", name: "Standfast" },
        affectedComponents: [],
      },
    ],
    ...extra,
  };
}

const maintenance: MaintenanceView = {
  id: "mmmmmmmmmmmm",
  title: "Storage firmware",
  status: "scheduled",
  scheduledFor: "2026-11-25T22:00:00.000Z",
  scheduledUntil: "2026-11-25T23:00:00.000Z",
  startedAt: null,
  completedAt: null,
  createdAt: "2026-11-24T08:00:00.000Z",
  updatedAt: "2026-11-24T08:00:00.000Z",
  components: [],
  updates: [],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const input = {
  url: URL,
  incidents: [
    incident("aaaaaaaaaaaa", "2026-11-24T10:00:00.000Z"),
    incident("bbbbbbbbbbbb", "2026-11-20T10:00:00.000Z"),
  ],
  maintenances: [maintenance],
};

describe("history feeds", () => {
  it("RSS 2.0: well-formed, with the channel's and each item's required elements, text escaped", () => {
    const xml = incidentFeed("rss", input);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss["@version"]).toBe("2.0");
    const channel = rss.channel;
    expect(channel.title).toBe("Standfast status history");
    expect(channel.link).toBe(`${URL}/history`);
    expect(channel.description).toBeTruthy();
    expect(channel.item).toHaveLength(3);
    const first = channel.item[0];
    expect(first.title).toBe(`Roles down <b>& "quoted"</b>`);
    expect(first.link).toBe(`${URL}/incidents/aaaaaaaaaaaa`);
    expect(first.guid["#text"] ?? first.guid).toBe(`${URL}/incidents/aaaaaaaaaaaa`);
    expect(new Date(first.pubDate).toISOString()).toBe("2026-11-24T10:00:00.000Z");
    // The update's text arrives as text, never as markup.
    expect(first["content:encoded"]).toContain(
      "Fixed &lt;script&gt;alert(1)&lt;/script&gt; &amp; done",
    );
    expect(channel.item.map((i: { link: string }) => i.link)).toContain(
      `${URL}/maintenance/mmmmmmmmmmmm`,
    );
  });

  it("Atom 1.0: well-formed, with id, title, updated and each entry's id, title, updated and link", () => {
    const xml = incidentFeed("atom", input);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${URL}/history`);
    expect(feed.title).toBe("Standfast status history");
    expect(feed.updated).toBe("2026-11-24T10:00:00.000Z");
    expect(feed.entry).toHaveLength(3);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^https:\/\/status\.example\.com\/(incidents|maintenance)\//);
      expect(entry.title).toBeTruthy();
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(entry.link["@href"]).toBe(entry.id);
    }
  });

  it("an empty history is still a valid feed whose time does not move with the clock", () => {
    const empty = { url: URL, incidents: [], maintenances: [] };
    const xml = incidentFeed("atom", empty);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(incidentFeed("atom", empty)).toBe(xml);
    expect(XMLValidator.validate(incidentFeed("rss", empty))).toBe(true);
  });
});

describe("history by day", () => {
  it("puts each incident on the day it started and folds quiet days into one stretch", () => {
    const days = groupByDay(input.incidents, [maintenance], new Date("2026-11-25T12:00:00Z"), 10);
    expect(
      days.map((d) => ("quiet" in d ? `quiet ${d.from}..${d.to} (${d.days})` : d.day)),
    ).toEqual([
      "2026-11-25",
      "2026-11-24",
      "quiet 2026-11-21..2026-11-23 (3)",
      "2026-11-20",
      "quiet 2026-11-16..2026-11-19 (4)",
    ]);
    const [today, yesterday] = days as {
      incidents: IncidentView[];
      maintenances: MaintenanceView[];
    }[];
    expect(today!.maintenances.map((m) => m.id)).toEqual(["mmmmmmmmmmmm"]);
    expect(yesterday!.incidents.map((i) => i.id)).toEqual(["aaaaaaaaaaaa"]);
  });

  it("a service is as available as its least available component; no data is no figure", () => {
    expect(serviceUptime([99.9, 100, null, 98.5])).toBe(98.5);
    expect(serviceUptime([null, null])).toBeNull();
  });
});
