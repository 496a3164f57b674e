import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { XMLParser } from "fast-xml-parser";
import type { APIRequestContext, Page } from "@playwright/test";
import { ADMIN_TOKEN, BASE_URL } from "./env";
import { expectAllOperational, expect, signInAs, test } from "./support";

/**
 * Incidents end to end on the shared app: a fault injected with the CLI opens an incident that
 * the API and the feeds show without anyone reloading anything; an operator runs it from its
 * page and resolves it; it is then on /history. Maintenance scheduled from its page starts by
 * itself and shows its component under maintenance.
 */
test.describe.configure({ mode: "serial" });

const COMPONENT = "contoso-edi.roles";
const run = promisify(execFile);

/** `npm run standfast -- …` against the shared app, with the suite's admin token. */
async function standfast(...args: string[]) {
  const env = { ...process.env, STANDFAST_URL: BASE_URL, STANDFAST_TOKEN: ADMIN_TOKEN };
  await run(process.execPath, ["scripts/standfast.mjs", ...args], { env });
}

type Incident = {
  id: string;
  name: string;
  status: string;
  impact: string;
  shortlink: string;
  started_at: string;
  resolved_at: string | null;
  incident_updates: { status: string; body: string }[];
  components: { id: string; status: string }[];
};
type Maintenance = {
  id: string;
  name: string;
  status: string;
  scheduled_for: string;
  scheduled_until: string;
  components: { id: string }[];
};

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const unresolvedWith = async (request: APIRequestContext, componentId: string) =>
  (
    await getJson<{ incidents: Incident[] }>(request, "/api/v2/incidents/unresolved.json")
  ).incidents.find((i) => i.components.some((c) => c.id === componentId));

/** The maintenance `id` as a Statuspage document lists it, if it does. */
const maintenanceIn = async (request: APIRequestContext, path: string, id: string) =>
  (
    await getJson<{ scheduled_maintenances: Maintenance[] }>(request, path)
  ).scheduled_maintenances.find((m) => m.id === id);

// The API and the feeds are served from a snapshot at most a second or two old: what a write
// changed is awaited (expect.poll), never assumed at once.

const xml = new XMLParser({ ignoreAttributes: false });
const feedTitles = async (request: APIRequestContext, path: string) => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const doc = xml.parse(await response.text()) as {
    rss?: { channel: { item?: { title: string } | { title: string }[] } };
    feed?: { entry?: { title: string | { "#text": string } } | { title: unknown }[] };
  };
  const items = [doc.rss?.channel.item ?? doc.feed?.entry ?? []].flat() as { title: unknown }[];
  return items.map((i) =>
    typeof i.title === "string" ? i.title : (i.title as { "#text": string })["#text"],
  );
};

/** A panel of a page: a section named by its heading. */
const panel = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

let incident: Incident;

test("a fault injected with the CLI opens an incident that the API and both feeds show", async ({
  request,
}) => {
  await expectAllOperational(request);
  const injected = performance.now();
  await standfast("simulate", COMPONENT, "major_outage");
  // An incident still open from an earlier spec's fault on the same service may take this one in;
  // its impact then rises to the worst status on the detector's next pass.
  await expect
    .poll(async () => (await unresolvedWith(request, COMPONENT))?.impact ?? null, {
      message: "an unresolved incident names the failing component, with critical impact",
      timeout: 60_000,
    })
    .toBe("critical");
  const seconds = (performance.now() - injected) / 1000;
  // The figure the issue asks for: from the fault to the incident in the API.
  console.log(`incidents e2e: fault to incident in the API in ${seconds.toFixed(1)} s`);

  incident = (await unresolvedWith(request, COMPONENT))!;
  expect(incident.status).toBe("investigating");
  expect(incident.impact).toBe("critical");
  expect(incident.shortlink).toBe(`${BASE_URL}/incidents/${incident.id}`);
  expect(Date.parse(incident.started_at)).toBeLessThanOrEqual(Date.now());
  expect(incident.resolved_at).toBeNull();
  expect(incident.incident_updates[0]?.status).toBe("investigating");

  await expect
    .poll(async () =>
      (await getJson<{ incidents: Incident[] }>(request, "/api/v2/summary.json")).incidents.map(
        (i) => i.id,
      ),
    )
    .toContain(incident.id);
  await expect.poll(() => feedTitles(request, "/history.rss")).toContain(incident.name);
  await expect.poll(() => feedTitles(request, "/history.atom")).toContain(incident.name);
});

test("an operator posts an update on the incident's page, clears the fault and resolves it; it is on /history", async ({
  page,
  request,
}) => {
  await signInAs(page, "operator", `/incidents/${incident.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(incident.name);
  const affected = panel(page, "Affected components");
  await expect(affected).toContainText("Now Major outage");
  // The automatic timeline: the fault, with who injected it.
  await expect(panel(page, "Timeline")).toContainText(
    /Fault injected into contoso-edi role instances: major outage\s*by STANDFAST_ADMIN_TOKEN/,
  );

  const form = page.getByRole("form", { name: "Post an update" });
  await form.getByLabel("Status").selectOption("identified");
  await form.getByLabel("Message").fill("The roles in West Europe lost their network; rerouting.");
  await form.getByRole("button", { name: "Post update" }).click();
  await expect(form.getByText("Update posted.")).toBeVisible();
  await expect(panel(page, "Updates")).toContainText("lost their network; rerouting");
  await expect
    .poll(async () => (await unresolvedWith(request, COMPONENT))?.status)
    .toBe("identified");

  await standfast("simulate", "--clear");
  await expectAllOperational(request);
  await page.reload();
  await form.getByLabel("Status").selectOption("resolved");
  await form.getByLabel("Message").fill("Traffic is back on the roles; all requests succeed.");
  await form.getByRole("button", { name: "Post update" }).click();
  await expect(form.getByText("Update posted.")).toBeVisible();
  const heading = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(heading).toContainText("Resolved");

  const resolvedOne = async () =>
    (await getJson<{ incidents: Incident[] }>(request, "/api/v2/incidents.json")).incidents.find(
      (i) => i.id === incident.id,
    )!;
  await expect.poll(async () => (await resolvedOne()).status).toBe("resolved");
  const resolved = await resolvedOne();
  expect(resolved.resolved_at).not.toBeNull();
  // Newest first: this spec's three. An incident an earlier spec left, reopened by this fault,
  // keeps its own history after them.
  expect(resolved.incident_updates.slice(0, 3).map((u) => u.status)).toEqual([
    "resolved",
    "identified",
    "investigating",
  ]);
  expect(await unresolvedWith(request, COMPONENT)).toBeUndefined();

  const postmortem = page.getByRole("form", { name: "Postmortem" });
  await postmortem
    .getByLabel("Postmortem", { exact: true })
    .fill("A network change removed the roles' route; the change is now checked before it ships.");
  await postmortem.getByRole("button", { name: /Publish/ }).click();
  await expect(panel(page, "Postmortem")).toContainText("checked before it ships");

  await page.goto("/history");
  const entry = page.locator(`[data-incident="${incident.id}"]`);
  await expect(entry).toContainText(incident.name);
  // Resolved, with its postmortem published (Statuspage's status "postmortem").
  await expect(entry).toContainText("Postmortem");
  await expect(entry).not.toContainText("not resolved yet");
  await expect(panel(page, "Uptime per service")).toContainText("contoso-edi");
  await entry.getByRole("link", { name: incident.name }).click();
  await expect(page).toHaveURL(`/incidents/${incident.id}`);
});

test("the incident's page offers the last good backup before it started, which opens the restore form with it chosen", async ({
  page,
}) => {
  await signInAs(page, "operator", `/incidents/${incident.id}`);
  const row = panel(page, "Last good backup before this incident started").locator(
    '[data-service="contoso-edi"]',
  );
  const backupLink = row.locator('a[href^="/backups/"]');
  await expect(backupLink).toBeVisible();
  const backupId = (await backupLink.getAttribute("href"))!.split("/").pop()!;
  await row.getByRole("link", { name: "Restore this backup" }).click();
  await expect(page).toHaveURL(`/restores/new?backup=${backupId}`);
  await expect(page.getByTestId("chosen-backup")).toHaveAttribute("data-backup-id", backupId);
});

test("maintenance scheduled by an operator starts on schedule, shows its component under maintenance, and completes", async ({
  page,
  request,
}) => {
  await expectAllOperational(request);
  await signInAs(page, "operator", "/maintenance");
  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill("Roles patching in West Europe");
  await form.getByLabel(/^Starts/).fill(minute(Date.now() - 60_000));
  await form.getByLabel(/^Ends/).fill(minute(Date.now() + 3_600_000));
  await form.locator(`input[name="components"][value="${COMPONENT}"]`).check();
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page).toHaveURL(/\/maintenance\/[^/]+$/);
  const id = page.url().split("/").pop()!;

  await expect
    .poll(async () => {
      const doc = await getJson<{ scheduled_maintenances: Maintenance[] }>(
        request,
        "/api/v2/scheduled-maintenances/active.json",
      );
      return doc.scheduled_maintenances.find((m) => m.id === id)?.status ?? null;
    })
    .toBe("in_progress");
  await expect
    .poll(async () => {
      const doc = await getJson<{ components: { id: string; status: string }[] }>(
        request,
        "/api/v2/components.json",
      );
      return doc.components.find((c) => c.id === COMPONENT)?.status;
    })
    .toBe("under_maintenance");
  await expect.poll(() => maintenanceIn(request, "/api/v2/summary.json", id)).toBeTruthy();
  const listed = (await maintenanceIn(request, "/api/v2/summary.json", id))!;
  expect(listed.components.map((c) => c.id)).toEqual([COMPONENT]);
  expect(listed.scheduled_until > listed.scheduled_for).toBe(true);

  await page.reload();
  const heading = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(heading).toContainText("In progress");
  const update = page.getByRole("form", { name: "Update the maintenance" });
  await update.getByLabel("Status").selectOption("completed");
  await update.getByLabel("Message").fill("Patched; the roles are back in rotation.");
  await update.getByRole("button", { name: "Post update" }).click();
  // Completed: the form is gone, the page says so with the message.
  await expect(heading).toContainText("Completed");
  await expect(panel(page, "Updates")).toContainText("Patched; the roles are back in rotation.");
  await expect(update).toHaveCount(0);
  await expectAllOperational(request);
  await expect
    .poll(
      async () => (await maintenanceIn(request, "/api/v2/scheduled-maintenances.json", id))?.status,
    )
    .toBe("completed");
  expect(await feedTitles(request, "/history.rss")).toContain(
    "Maintenance: Roles patching in West Europe",
  );
});

test("maintenance scheduled for later is upcoming in the API and on /maintenance until it is done", async ({
  page,
  request,
}) => {
  await signInAs(page, "operator", "/maintenance");
  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  const title = "Tracking database upgrade";
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel(/^Starts/).fill(minute(Date.now() + 86_400_000));
  await form.getByLabel(/^Ends/).fill(minute(Date.now() + 90_000_000));
  await form.locator(`input[name="components"][value="${COMPONENT}"]`).check();
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page).toHaveURL(/\/maintenance\/[^/]+$/);
  const id = page.url().split("/").pop()!;

  const upcoming = "/api/v2/scheduled-maintenances/upcoming.json";
  await expect.poll(() => maintenanceIn(request, upcoming, id)).toBeTruthy();
  const listed = (await maintenanceIn(request, upcoming, id))!;
  expect(listed.status).toBe("scheduled");
  expect(listed.name).toBe(title);
  expect(Date.parse(listed.scheduled_for)).toBeGreaterThan(Date.now());
  await expect.poll(() => maintenanceIn(request, "/api/v2/summary.json", id)).toBeTruthy();
  await page.goto("/maintenance");
  await expect(panel(page, "Upcoming")).toContainText(title);

  // Called off early: completed, it is no longer upcoming.
  await page.goto(`/maintenance/${id}`);
  const update = page.getByRole("form", { name: "Update the maintenance" });
  await update.getByLabel("Status").selectOption("completed");
  await update.getByLabel("Message").fill("Postponed to next quarter.");
  await update.getByRole("button", { name: "Post update" }).click();
  await expect(update).toHaveCount(0);
  await expect.poll(() => maintenanceIn(request, upcoming, id)).toBeUndefined();
});
