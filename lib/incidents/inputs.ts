/** What people send to the incident and maintenance verbs, validated with zod. */
import { z } from "zod";
import { IMPACTS, MAINTENANCE_STATUSES, UPDATE_STATUSES } from "./incident-types";

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `expected one of ${values.join(", ")}` });

const title = z
  .string({ message: "expected a title" })
  .trim()
  .min(3, "write a title of at least 3 characters")
  .max(200, "keep the title under 200 characters");
const message = z
  .string({ message: "expected a message" })
  .trim()
  .min(1, "write a message: what is happening, what you are doing")
  .max(5_000, "keep the message under 5,000 characters");
const componentIds = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9._-]+$/, "expected component ids such as contoso-edi.roles"),
    { message: "expected a list of component ids" },
  )
  .max(500, "at most 500 components");
const time = z.iso.datetime({
  offset: true,
  message: "expected a date and time such as 2026-11-24T22:00:00Z",
});

export const NewIncident = z.strictObject({
  title,
  status: oneOf(["investigating", "identified", "monitoring"] as const).default("investigating"),
  impact: oneOf(IMPACTS),
  message,
  components: componentIds.default([]),
  /** When it began, if before now (an incident written up after the fact). */
  startedAt: time.optional(),
});

export const IncidentUpdate = z.strictObject({
  status: oneOf(UPDATE_STATUSES),
  message,
});

export const IncidentChange = z
  .strictObject({
    title: title.optional(),
    impact: oneOf(IMPACTS).optional(),
    components: componentIds.optional(),
    message: message.optional(),
  })
  .refine((c) => c.title !== undefined || c.impact !== undefined || c.components !== undefined, {
    message: "change at least one of title, impact or components",
    path: ["input"],
  });

export const Postmortem = z.strictObject({
  body: z
    .string({ message: "expected the postmortem's text" })
    .trim()
    .min(20, "write at least a few sentences: what happened, why, and what changes")
    .max(20_000, "keep the postmortem under 20,000 characters"),
});

export const NewMaintenance = z
  .strictObject({
    title,
    message: message.optional(),
    scheduledFor: time,
    scheduledUntil: time,
    components: componentIds.min(1, "choose at least one component"),
  })
  .refine((m) => Date.parse(m.scheduledUntil) > Date.parse(m.scheduledFor), {
    message: "the end must be after the start",
    path: ["scheduledUntil"],
  })
  .refine((m) => Date.parse(m.scheduledUntil) - Date.parse(m.scheduledFor) <= 7 * 86_400_000, {
    message: "a maintenance window lasts at most 7 days",
    path: ["scheduledUntil"],
  });

export const MaintenanceUpdate = z.strictObject({
  status: oneOf(MAINTENANCE_STATUSES),
  message,
});
