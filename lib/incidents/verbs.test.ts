import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANONYMOUS, type Actor } from "../roles";
import { tables } from "../db";
import {
  ENGINES,
  openEstateDatabase,
  readAuditRows,
  type TestDatabase,
} from "../../testing/fixtures";
import {
  at,
  componentRows,
  incidentRows,
  pass,
  readAll,
  updateRows,
} from "../../testing/incidents";
import {
  changeIncident,
  createIncident,
  postIncidentUpdate,
  writePostmortem,
} from "./incident-verbs";
import { scheduleMaintenance, updateMaintenance } from "./maintenance-verbs";

const operator: Actor = { kind: "user", id: "u-op", name: "Olivia Operator", role: "operator" };
const viewer: Actor = { kind: "user", id: "u-view", name: "Victor Viewer", role: "viewer" };

const newIncident = {
  title: "Partners cannot reach the AS2 endpoint",
  impact: "major",
  message: "We are looking into failed AS2 deliveries.",
  components: ["contoso-edi.roles"],
};

describe.each(ENGINES)("incident and maintenance verbs on %s", (engine) => {
  let database: TestDatabase;
  const as = (actor: Actor) => ({ actor, db: database.db });
  beforeEach(async () => {
    database = await openEstateDatabase(engine);
    await readAll(database.db, 0);
  });
  afterEach(async () => {
    await database.close();
  });

  it("refuses lesser roles and bad input, changes nothing, and audits each refusal", async () => {
    await expect(createIncident(as(viewer), newIncident)).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(createIncident(as(ANONYMOUS), newIncident)).rejects.toMatchObject({
      kind: "unauthorized",
    });
    await expect(
      createIncident(as(operator), { ...newIncident, components: ["nope.roles"] }),
    ).rejects.toMatchObject({
      kind: "validation",
      message: expect.stringContaining("nope.roles"),
    });
    await expect(
      createIncident(as(operator), { ...newIncident, impact: "huge", title: "x" }),
    ).rejects.toMatchObject({
      kind: "validation",
      fieldErrors: {
        impact: [expect.stringContaining("none, minor, major, critical")],
        title: [expect.any(String)],
      },
    });
    await expect(
      scheduleMaintenance(as(viewer), {
        title: "Patch",
        scheduledFor: "2099-01-01T00:00:00Z",
        scheduledUntil: "2099-01-01T01:00:00Z",
        components: ["contoso-edi.roles"],
      }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      scheduleMaintenance(as(operator), {
        title: "Patch",
        scheduledFor: "2099-01-01T02:00:00Z",
        scheduledUntil: "2099-01-01T01:00:00Z",
        components: [],
      }),
    ).rejects.toMatchObject({
      kind: "validation",
      fieldErrors: {
        scheduledUntil: ["the end must be after the start"],
        components: ["choose at least one component"],
      },
    });
    expect(await incidentRows(database.db)).toEqual([]);
    expect(await database.db.select().from(tables.scheduledMaintenances)).toEqual([]);
    const audit = await readAuditRows(database.db);
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ["incidents.create", "refused"],
      ["incidents.create", "refused"],
      ["incidents.create", "refused"],
      ["incidents.create", "refused"],
      ["maintenance.schedule", "refused"],
      ["maintenance.schedule", "refused"],
    ]);
  });

  it("a title no text can be made of is refused as bad input and audited without a name, not a crash", async () => {
    // {"toString":"x"} posted as JSON: String() of it throws a TypeError (a 500).
    const hostile = JSON.parse('{"toString":"x"}') as unknown;
    await expect(
      createIncident(as(operator), { ...newIncident, title: hostile }),
    ).rejects.toMatchObject({ kind: "validation" });
    await expect(
      scheduleMaintenance(as(operator), {
        title: hostile,
        scheduledFor: "2099-01-01T00:00:00Z",
        scheduledUntil: "2099-01-01T01:00:00Z",
        components: ["contoso-edi.roles"],
      }),
    ).rejects.toMatchObject({ kind: "validation" });
    const audit = await readAuditRows(database.db);
    expect(audit.map((a) => [a.action, a.outcome, a.target])).toEqual([
      ["incidents.create", "refused", null],
      ["maintenance.schedule", "refused", null],
    ]);
  });

  it("an operator opens an incident, updates it, changes it, resolves it and writes its postmortem, each audited", async () => {
    const id = await createIncident(as(operator), newIncident, at(10));
    const [row] = await incidentRows(database.db);
    expect(row).toMatchObject({
      id,
      origin: "operator",
      status: "investigating",
      impact: "major",
      impactSetBy: "Olivia Operator",
    });
    await expect(
      postIncidentUpdate(as(viewer), id, { status: "identified", message: "x" }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
    await postIncidentUpdate(
      as(operator),
      id,
      { status: "identified", message: "A certificate expired." },
      at(20),
    );
    await changeIncident(
      as(operator),
      id,
      { components: ["contoso-edi.roles", "contoso-edi.acs"], impact: "critical" },
      at(30),
    );
    const parts = await componentRows(database.db, id);
    expect(parts.map((p) => p.componentId)).toEqual(["contoso-edi.roles", "contoso-edi.acs"]);
    await expect(
      writePostmortem(as(operator), id, {
        body: "A certificate expired; we now renew them a month ahead.",
      }),
    ).rejects.toMatchObject({
      kind: "invalid_state",
    });
    await postIncidentUpdate(
      as(operator),
      id,
      { status: "resolved", message: "Renewed; deliveries flow." },
      at(40),
    );
    await writePostmortem(
      as(operator),
      id,
      { body: "A certificate expired; we now renew them a month ahead." },
      at(50),
    );
    const [done] = await incidentRows(database.db);
    expect(done).toMatchObject({
      status: "postmortem",
      impact: "critical",
      resolvedAt: at(40),
      resolvedBy: "Olivia Operator",
    });
    expect((await componentRows(database.db, id)).every((p) => !p.open)).toBe(true);
    const updates = await updateRows(database.db, id);
    expect(updates.map((u) => u.status)).toEqual([
      "investigating",
      "identified",
      "identified",
      "resolved",
    ]);
    expect(updates[2]!.body).toBe(
      "This incident now also affects contoso-edi.acs; impact set to critical.",
    );
    expect(updates[2]!.affectedComponents).toEqual([
      {
        code: "contoso-edi.acs",
        name: "contoso-edi-acs",
        old_status: "operational",
        new_status: "operational",
      },
    ]);
    await expect(
      postIncidentUpdate(as(operator), id, { status: "monitoring", message: "again" }),
    ).rejects.toMatchObject({
      kind: "invalid_state",
    });
    const audit = (await readAuditRows(database.db))
      .filter((a) => a.outcome === "ok")
      .map((a) => a.action);
    expect(audit).toEqual([
      "incidents.create",
      "incidents.update",
      "incidents.change",
      "incidents.resolve",
      "incidents.postmortem",
    ]);
  });

  it("a detected incident someone has written to is left for them to resolve; a component can be in one open incident only", async () => {
    const db = database.db;
    for (const s of [30, 60, 90]) await readAll(db, s, { "contoso-edi.roles": "major_outage" });
    const [id] = (await pass(db, 90))!.opened;
    await expect(createIncident(as(operator), newIncident)).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining(`contoso-edi.roles (incident ${id})`),
    });
    await postIncidentUpdate(
      as(operator),
      id!,
      { status: "identified", message: "A bad deployment; rolling back." },
      at(100),
    );
    for (let s = 120; s <= 600; s += 30) await readAll(db, s);
    expect((await pass(db, 600))!.resolved).toEqual([]);
    expect((await incidentRows(db))[0]).toMatchObject({
      status: "identified",
      recoveredAt: at(600),
      resolvedAt: null,
    });
  });

  it("maintenance is scheduled, moves only forwards by hand, and can be completed early", async () => {
    const id = await scheduleMaintenance(
      as(operator),
      {
        title: "Tracking database upgrade",
        scheduledFor: at(3600).toISOString(),
        scheduledUntil: at(7200).toISOString(),
        components: ["contoso-edi.tracking-db"],
      },
      at(0),
    );
    await expect(
      updateMaintenance(as(operator), id, { status: "verifying", message: "x" }),
    ).rejects.toMatchObject({
      kind: "invalid_state",
      message: "A maintenance cannot go from scheduled to verifying.",
    });
    await updateMaintenance(
      as(operator),
      id,
      { status: "in_progress", message: "Starting early." },
      at(60),
    );
    await updateMaintenance(as(operator), id, { status: "completed", message: "Done." }, at(120));
    const [m] = await database.db.select().from(tables.scheduledMaintenances);
    expect(m).toMatchObject({ status: "completed", startedAt: at(60), completedAt: at(120) });
    await expect(
      updateMaintenance(as(operator), id, { status: "in_progress", message: "x" }),
    ).rejects.toMatchObject({
      kind: "invalid_state",
    });
  });
});
