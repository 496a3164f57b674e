import { describe, expect, it, vi } from "vitest";
import { boardOf, demoEstate, generatedEstate, reading, T0 } from "@/testing/boards";
import { renderBoard, renderParts, renderServiceBlocks, SERVER_STATE } from "./board";
import { describeCell } from "./describe";

const demo = demoEstate();
const order = (html: string) => [...html.matchAll(/data-service="([^"]+)"/g)].map((m) => m[1]);

describe("the board's markup", () => {
  it("escapes whatever a source says, so no reading can inject markup", () => {
    const view = boardOf(demo, {
      "contoso-edi.acs": reading("major_outage", { reason: `<img src=x onerror="alert(1)">` }),
      "northwind-dev.acs": reading("operational", {
        attemptAt: new Date(T0.getTime() - 1_000),
        attemptError: `</a><script>alert("x")</script>`,
      }),
    });
    const html = renderBoard(view);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;/a&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("states each platform cell's worst status with counts; nothing monitored is never green and no link", () => {
    const view = boardOf(demo, {
      "contoso-edi.roles": reading("partial_outage", {
        detail: {
          instances: [
            { name: "IN_0", status: "major_outage" },
            { name: "IN_1", status: "operational" },
          ],
        },
      }),
    });
    const platform = renderParts(view, SERVER_STATE).platform;
    const westEurope = /<tr data-region="westeurope">.*?<\/tr>/.exec(platform)![0];
    expect(westEurope).toContain(
      'href="/components?kind=role-instances&amp;region=westeurope"><span class="sr-only">Role instances in West Europe: </span>Partial outage <small>0 of 1 operational</small></a>',
    );
    expect(westEurope).toContain('West Europe<span class="sr-only">: Partial outage</span>');
    const northEurope = /<tr data-region="northeurope" data-watched="false">.*?<\/tr>/.exec(
      platform,
    )![0];
    expect(northEurope.match(/data-status="none"/g)).toHaveLength(4);
    expect(northEurope).not.toContain("<a ");
    expect(northEurope).not.toContain("operational");
    // The suspended service's role instances: not serving, counted apart.
    const westUs = /<tr data-region="westus">.*?<\/tr>/.exec(platform)![0];
    expect(westUs).toContain('data-status="paused"');
    expect(westUs).toContain("Not serving <small>1 not serving</small>");
  });

  it("lists problems first, worst first, then by name, and Problems only keeps only them", () => {
    const view = boardOf(demo, {
      "northwind-dev.storage": reading("degraded_performance"),
      "fabrikam-shared-acs": reading("major_outage"),
    });
    expect(order(renderBoard(view))).toEqual([
      "fabrikam-b2b",
      "fabrikam-eai",
      "northwind-dev",
      "contoso-edi",
    ]);
    const problems = renderServiceBlocks(view, { ...SERVER_STATE, problemsOnly: true });
    expect(problems.map((b) => b.id)).toEqual(["fabrikam-b2b", "fabrikam-eai", "northwind-dev"]);
    // Only the components with a problem.
    expect(problems[2]!.html.match(/class="cell"/g)).toHaveLength(1);
    expect(renderParts(view, { ...SERVER_STATE, problemsOnly: true }).toolbar).toContain(
      'aria-pressed="true" class="board-button">✓ Problems only (3 services)',
    );
  });

  it("shows every service open in a small estate", () => {
    const html = renderBoard(boardOf(demo));
    expect(html).not.toContain('<details class="svc');
    expect(html.match(/class="cell"/g)).toHaveLength(16);
  });

  it("folds healthy services to one line past 50, without their cells until opened", () => {
    const estate = generatedEstate(60, 5);
    const sick = estate.services[30]!.id;
    const view = boardOf(estate, { [`${sick}.roles`]: reading("major_outage") });
    const blocks = renderServiceBlocks(view, SERVER_STATE);
    expect(blocks[0]!.id).toBe(sick);
    expect(blocks[0]!.html).toMatch(/^<div data-v="\w+" class="svc" data-service=/);
    expect(blocks[0]!.html.match(/class="cell"/g)).toHaveLength(4);
    const folded = blocks.slice(1);
    expect(folded.map((b) => b.id)).toEqual(
      estate.services
        .map((s) => s.id)
        .filter((id) => id !== sick)
        .sort(),
    );
    for (const b of folded) {
      expect(b.html).toMatch(/^<details data-v="\w+" class="svc svc-collapsed"/);
      expect(b.html).not.toContain('class="cell"');
      expect(b.html).toContain(`href="/services/${b.id}"`);
    }
    // Opened (in the browser), its header and cells are drawn in place.
    const opened = renderServiceBlocks(view, { ...SERVER_STATE, open: new Set([folded[0]!.id]) });
    expect(opened[1]!.html).toMatch(
      /^<details data-v="\w+" class="svc svc-collapsed" data-service="[^"]+" open>/,
    );
    expect(opened[1]!.html.match(/class="cell"/g)).toHaveLength(4);
  });

  it("draws a closed line again exactly when what it shows changes, as a fresh drawing would", async () => {
    const view = boardOf(generatedEstate(60, 5));
    const blocks = () => renderServiceBlocks(view, SERVER_STATE);
    // The same module, never used before: no line of its own kept from an earlier drawing.
    const fresh = async () => {
      vi.resetModules();
      const again = await import("./board");
      return again.renderServiceBlocks(view, again.SERVER_STATE);
    };
    const before = blocks();
    const line = (all: typeof before, id: string) => all.find((b) => b.id === id)!.html;
    const [a, b, c] = [before[3]!.id, before[7]!.id, before[11]!.id];
    const svc = (id: string) => view.services.find((s) => s.id === id)!;
    // What a closed line shows: its edition, its region's name, its state, and how many of its
    // components serve and are up.
    const edition = svc(a).edition;
    svc(a).edition = edition === "premium" ? "standard" : "premium";
    view.regions = view.regions.map((r) =>
      r.id === svc(b).region ? { ...r, name: `${r.name} (renamed)` } : r,
    );
    svc(c).state = "suspended";
    view.components[svc(c).components[0]!.id]!.serviceState = "suspended";
    const after = blocks();
    for (const id of [a, b, c]) {
      expect(line(after, id)).not.toBe(line(before, id));
      expect(line(after, id)).toMatch(/^<details data-v="\w+" class="svc svc-collapsed"/);
    }
    expect(line(after, a)).toContain(`${svc(a).edition}, `);
    expect(line(after, b)).toContain("(renamed)");
    expect(line(after, c)).toContain(", role instances not serving");
    expect(after).toEqual(await fresh());
    // And back: the lines drawn before come back as they were.
    svc(a).edition = edition;
    expect(line(blocks(), a)).toBe(line(before, a));
    expect(blocks()).toEqual(await fresh());
  });

  it("gives a part a new fingerprint exactly when its markup changes", () => {
    const a = renderServiceBlocks(boardOf(demo), SERVER_STATE);
    const b = renderServiceBlocks(boardOf(demo), SERVER_STATE);
    const c = renderServiceBlocks(
      boardOf(demo, { "contoso-edi.acs": reading("unknown") }),
      SERVER_STATE,
    );
    const v = (blocks: typeof a, id: string) =>
      /data-v="(\w+)"/.exec(blocks.find((x) => x.id === id)!.html)![1];
    expect(v(a, "contoso-edi")).toBe(v(b, "contoso-edi"));
    expect(v(a, "contoso-edi")).not.toBe(v(c, "contoso-edi"));
    expect(v(a, "fabrikam-b2b")).toBe(v(c, "fabrikam-b2b"));
  });
});

describe("a cell's description", () => {
  const view = boardOf(demo, {
    "contoso-edi.roles": reading("partial_outage", {
      reason: "1 of 2 instances down: IN_0",
      detail: {
        instances: [
          { name: "IN_0", status: "major_outage" },
          { name: "IN_1", status: "operational" },
        ],
      },
    }),
    "northwind-dev.acs": reading("operational", {
      attemptAt: new Date(T0.getTime() - 2_000),
      attemptError: "no answer within 5000 ms",
    }),
  });
  const at = view.generatedAt;

  it("starts with the words the cell shows, then where it is and the details", () => {
    expect(describeCell(view.components["contoso-edi.roles"]!, "West Europe", at)).toBe(
      "Partial outage 1/2: contoso-edi role instances, role instances in West Europe; 1 of 2 instances up; checked at 11:59:55 UTC · since 11:00 UTC · 1 of 2 instances down: IN_0",
    );
    expect(describeCell(view.components["northwind-dev.acs"]!, "Southeast Asia", at)).toBe(
      "Operational, read failed: northwind-dev-acs, access control in Southeast Asia; last read failed at 11:59:58 UTC: no answer within 5000 ms · checked at 11:59:55 UTC · since 11:00 UTC",
    );
    expect(describeCell(view.components["fabrikam-eai.roles"]!, "West US", at)).toMatch(
      /^Suspended: .*, role instances in West US; service not serving; last reading Operational; /,
    );
  });

  it("says ages in the tooltip, which is redrawn each second", () => {
    expect(
      describeCell(view.components["contoso-edi.roles"]!, "West Europe", at, T0.getTime() + 10_000),
    ).toContain("checked 15 s ago · since 11:00 UTC");
  });
});
