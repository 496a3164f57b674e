/** What a subscription write accepts, and the checks that need settings or the store. */
import { and, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { tables, type Db } from "../../db";
import { invalidState, validationError } from "../../errors";
import type { Settings } from "../../settings";
import {
  DEFAULT_EVENT_KINDS,
  EVENT_KINDS,
  IMPACTS,
  SUBSCRIPTION_KINDS,
  type SubscriptionKind,
} from "./notify-types";
import { urlProblem } from "./targets";

const id = z.string().trim().min(1, "expected an id").max(200, "expected an id");

const filters = {
  services: z.array(id, { message: "expected a list of service ids" }).max(500).default([]),
  components: z.array(id, { message: "expected a list of component ids" }).max(5_000).default([]),
  minImpact: z.enum(IMPACTS, { message: `expected one of ${IMPACTS.join(", ")}` }).default("none"),
  events: z
    .array(z.enum(EVENT_KINDS, { message: `expected event kinds among ${EVENT_KINDS.join(", ")}` }))
    .min(1, "choose at least one kind of event")
    .max(EVENT_KINDS.length)
    .default(DEFAULT_EVENT_KINDS)
    .transform((list) => [...new Set(list)]),
};

export const SubscriptionInput = z.strictObject({
  kind: z.enum(SUBSCRIPTION_KINDS, { message: `expected one of ${SUBSCRIPTION_KINDS.join(", ")}` }),
  name: z
    .string()
    .trim()
    .min(1, "give it a name, such as On-call Slack")
    .max(100, "keep the name under 100 characters"),
  target: z
    .string({ message: "expected the webhook URL or the e-mail address" })
    .trim()
    .min(1, "expected the webhook URL or the e-mail address")
    .max(2_000, "expected at most 2,000 characters"),
  ...filters,
});
export type SubscriptionInput = z.output<typeof SubscriptionInput>;

/** A viewer's own e-mail subscription: the address is theirs, only the filters are chosen. */
export const SelfSubscriptionInput = z.strictObject({
  services: filters.services,
  minImpact: filters.minImpact,
  events: filters.events,
});

export const SubscriptionRef = z.strictObject({ id });
export const UnsubscribeInput = z.strictObject({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "expected the token from the e-mail's link"),
});

const Email = z.string().max(200).pipe(z.email());

export const emailConfigured = (settings: Settings) =>
  Boolean(settings.STANDFAST_SMTP_URL && settings.STANDFAST_SMTP_FROM);

/** E-mail subscriptions need SMTP; without it nothing could ever be sent to them. */
export function assertEmailConfigured(settings: Settings): void {
  if (!emailConfigured(settings))
    throw invalidState(
      "E-mail notifications are not set up on this server: an admin sets STANDFAST_SMTP_URL and STANDFAST_SMTP_FROM.",
    );
}

/** The target as its kind wants it: an http(s) URL that passes the SSRF rule, or an address. */
export function checkTarget(kind: SubscriptionKind, target: string, settings: Settings): string {
  if (kind === "email") {
    const parsed = Email.safeParse(target.toLowerCase());
    if (!parsed.success)
      throw validationError("target: expected an e-mail address, such as oncall@example.com", {
        target: ["expected an e-mail address, such as oncall@example.com"],
      });
    assertEmailConfigured(settings);
    return parsed.data;
  }
  const problem = urlProblem(target, settings.STANDFAST_NOTIFY_ALLOW_PRIVATE === "on");
  if (problem) throw validationError(`target: ${problem}`, { target: [problem] });
  return target;
}

/** Every listed service and component exists in the estate; otherwise a 400 naming the unknown ones. */
export async function checkScope(db: Db, services: string[], components: string[]): Promise<void> {
  const unknown = async (
    table: typeof tables.services | typeof tables.components,
    ids: string[],
  ): Promise<string[]> => {
    if (ids.length === 0) return [];
    const found = await db
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, ids), isNull(table.retiredAt)));
    const known = new Set(found.map((r) => r.id));
    return ids.filter((i) => !known.has(i));
  };
  const fields: Record<string, string[]> = {};
  const badServices = await unknown(tables.services, services);
  const badComponents = await unknown(tables.components, components);
  if (badServices.length)
    fields.services = [`not services of this estate: ${badServices.join(", ")}`];
  if (badComponents.length)
    fields.components = [`not components of this estate: ${badComponents.join(", ")}`];
  if (Object.keys(fields).length)
    throw validationError(
      `Invalid subscription: ${Object.entries(fields)
        .map(([f, m]) => `${f}: ${m.join("; ")}`)
        .join(". ")}`,
      fields,
    );
}
