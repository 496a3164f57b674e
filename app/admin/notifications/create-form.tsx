"use client";

import { useActionState, useState } from "react";
import {
  buttonClass,
  describedBy,
  Field,
  FormMessage,
  inputClass,
} from "@/components/backups/form-parts";
import { fieldError } from "@/components/backups/form-state";
import {
  EVENT_KIND_LABEL,
  EVENT_KINDS,
  IMPACTS,
  SUBSCRIPTION_KIND_LABEL,
  SUBSCRIPTION_KINDS,
  type SubscriptionKind,
} from "@/lib/incidents/notify/notify-types";
import { createSubscriptionAction } from "./actions";

const FIELDS = ["kind", "name", "target", "services", "components", "minImpact", "events"];

const TARGET_HINT: Record<SubscriptionKind, string> = {
  webhook:
    "The URL Standfast POSTs JSON to, signed with X-Standfast-Signature (the secret is shown once, after you subscribe).",
  slack: "The Slack incoming webhook URL (https://hooks.slack.com/services/…).",
  teams: "The URL of a Teams workflow's “When a Teams webhook request is received” trigger.",
  email: "The address to send to.",
};

/** Subscribe a receiver: kind, where to, and which events, services and components it hears of. */
export function CreateSubscriptionForm({
  services,
  emailReady,
}: {
  services: string[];
  emailReady: boolean;
}) {
  const [state, action, pending] = useActionState(createSubscriptionAction, null);
  const [kind, setKind] = useState<SubscriptionKind>("webhook");
  const err = (name: string) => fieldError(state, name);
  const v = state?.values ?? {};
  return (
    <form action={action} className="space-y-4" aria-labelledby="new-subscription">
      <h2 id="new-subscription" className="text-lg font-semibold">
        New subscription
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="kind" label="Kind" error={err("kind")}>
          <select
            id="kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as SubscriptionKind)}
            className={inputClass}
            aria-invalid={!!err("kind")}
            aria-describedby={describedBy("kind", false, err("kind"))}
          >
            {SUBSCRIPTION_KINDS.map((k) => (
              <option key={k} value={k} disabled={k === "email" && !emailReady}>
                {SUBSCRIPTION_KIND_LABEL[k]}
                {k === "email" && !emailReady ? " (SMTP not set up)" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field id="name" label="Name" error={err("name")} hint="Such as On-call Slack.">
          <input
            id="name"
            name="name"
            required
            maxLength={100}
            defaultValue={v.name}
            className={inputClass}
            aria-invalid={!!err("name")}
            aria-describedby={describedBy("name", true, err("name"))}
          />
        </Field>
        <Field
          id="target"
          label={kind === "email" ? "Address" : "URL"}
          hint={TARGET_HINT[kind]}
          error={err("target")}
        >
          <input
            id="target"
            name="target"
            required
            type={kind === "email" ? "email" : "url"}
            autoComplete="off"
            className={inputClass}
            aria-invalid={!!err("target")}
            aria-describedby={describedBy("target", true, err("target"))}
          />
        </Field>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <fieldset aria-describedby="events-hint">
          <legend className="text-sm font-medium">Events</legend>
          <p id="events-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            Status changes are every component&apos;s every change: many messages.
          </p>
          {EVENT_KINDS.map((e) => (
            <label key={e} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="events"
                value={e}
                defaultChecked={e.startsWith("incident.") || e.startsWith("maintenance.")}
              />
              {EVENT_KIND_LABEL[e]}
            </label>
          ))}
          {err("events") && (
            <p className="text-xs font-medium text-red-700 dark:text-red-300">{err("events")}</p>
          )}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">Services (none ticked: all)</legend>
          <div className="mt-1 max-h-40 overflow-y-auto">
            {services.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="services" value={s} />
                {s}
              </label>
            ))}
          </div>
          {err("services") && (
            <p className="text-xs font-medium text-red-700 dark:text-red-300">{err("services")}</p>
          )}
        </fieldset>
        <div className="space-y-4">
          <Field
            id="components"
            label="Components (optional)"
            hint="Component ids, separated by commas; empty: all."
            error={err("components")}
          >
            <input
              id="components"
              name="components"
              defaultValue={v.components}
              placeholder="contoso-edi.roles"
              className={inputClass}
              aria-invalid={!!err("components")}
              aria-describedby={describedBy("components", true, err("components"))}
            />
          </Field>
          <Field id="minImpact" label="Minimum impact" error={err("minImpact")}>
            <select
              id="minImpact"
              name="minImpact"
              defaultValue={v.minImpact || "none"}
              className={inputClass}
            >
              {IMPACTS.map((i) => (
                <option key={i} value={i}>
                  {i === "none" ? "any (none and up)" : `${i} and up`}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Subscribing…" : "Subscribe"}
      </button>
      <FormMessage
        state={state}
        fields={FIELDS}
        success={state?.ok ? state.data.message : undefined}
      />
      {state?.ok && state.data.secret && (
        <div className="rounded-md border border-amber-600/50 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">Signing secret: copy it now, it is not shown again.</p>
          <output data-secret className="mt-1 block font-mono break-all select-all">
            {state.data.secret}
          </output>
        </div>
      )}
    </form>
  );
}
