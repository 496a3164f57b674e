import { randomUUID } from "node:crypto";
import { axeEveryMode, h1 } from "./a11y";
import {
  clearFaults,
  expect,
  expectAllOperational,
  expectComponentStatus,
  injectFault,
  test,
  type Fault,
} from "./support";

const IN_EVERY_MODE = "desktop and phone, light and dark";

// Each test opens its pages once per screen and checks both colour schemes on that load.
test.describe.configure({ timeout: 300_000 });

test.describe("with the estate all operational", () => {
  test.beforeEach(async ({ request }) => {
    await expectAllOperational(request);
  });

  test(`the status board has no serious or critical axe violations, ${IN_EVERY_MODE}`, async ({
    browser,
  }) => {
    expect(await axeEveryMode(browser, null, [{ path: "/" }])).toEqual([]);
  });

  test(`the pages a visitor opens have no serious or critical axe violations, ${IN_EVERY_MODE}`, async ({
    browser,
  }) => {
    const found = await axeEveryMode(browser, null, [
      { path: "/services/contoso-edi", ready: h1("contoso-edi") },
      { path: "/components/contoso-edi.roles" },
      { path: "/sign-in" },
      { path: "/no-such-page", ready: h1("Not found") },
      { path: "/services/no-such-service", ready: h1("No such service") },
      { path: "/components/no-such.component", ready: h1("No such component") },
      { path: "/subscribe/unsubscribe?token=no-such-token", ready: h1("Unsubscribe") },
      // The custom server's own error page, for an address Next could not decode.
      { path: "/a%zz", ready: h1("This address is not valid") },
    ]);
    expect(found).toEqual([]);
  });

  test(`a viewer's pages, and the page of one refused, have no serious or critical axe violations, ${IN_EVERY_MODE}`, async ({
    browser,
  }) => {
    const found = await axeEveryMode(browser, "viewer", [
      { path: "/compliance" },
      { path: "/subscribe", ready: h1("E-mail notifications") },
      { path: `/backups/${randomUUID()}`, ready: h1("No such backup") },
      { path: `/restores/${randomUUID()}`, ready: h1("No such restore") },
      { path: "/admin/users", ready: h1("Not allowed") },
    ]);
    expect(found).toEqual([]);
  });

  test(`an admin's pages have no serious or critical axe violations, ${IN_EVERY_MODE}`, async ({
    browser,
  }) => {
    const found = await axeEveryMode(browser, "admin", [
      { path: "/admin/users" },
      { path: "/admin/audit" },
      { path: "/admin/notifications", ready: h1("Notifications") },
    ]);
    expect(found).toEqual([]);
  });
});

/** One of each status the estate can show, and a read that fails. */
const TROUBLE: (Fault & { shows: string })[] = [
  { component: "contoso-edi.roles", status: "major_outage", instances: 1, shows: "partial_outage" },
  {
    component: "contoso-edi.storage",
    status: "degraded_performance",
    shows: "degraded_performance",
  },
  { component: "fabrikam-b2b.tracking-db", status: "major_outage", shows: "major_outage" },
  { component: "fabrikam-shared-acs", status: "under_maintenance", shows: "under_maintenance" },
  { component: "northwind-dev.storage", status: "silent", shows: "unknown" },
];

test.describe("with every status showing", () => {
  test.beforeEach(async ({ request }) => {
    await expectAllOperational(request);
    for (const { shows: _, ...fault } of TROUBLE) await injectFault(request, fault);
    for (const { component, shows } of TROUBLE)
      await expectComponentStatus(request, component, shows);
  });
  test.afterEach(async ({ request }) => {
    await clearFaults(request);
  });

  test(`the troubled status board has no serious or critical axe violations, ${IN_EVERY_MODE}`, async ({
    browser,
  }) => {
    expect(await axeEveryMode(browser, null, [{ path: "/" }])).toEqual([]);
  });

  test(`service and component pages in trouble have no serious or critical axe violations, ${IN_EVERY_MODE}`, async ({
    browser,
  }) => {
    const found = await axeEveryMode(browser, null, [
      { path: "/services/contoso-edi" },
      { path: "/services/fabrikam-b2b" },
      { path: "/components/contoso-edi.roles" },
      { path: "/components/northwind-dev.storage" },
    ]);
    expect(found).toEqual([]);
  });
});
