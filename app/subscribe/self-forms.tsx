"use client";

import { useActionState } from "react";
import { buttonClass, FormMessage, inputClass } from "@/components/backups/form-parts";
import {
  EVENT_KIND_LABEL,
  EVENT_KINDS,
  IMPACTS,
  type SubscriptionView,
} from "@/lib/incidents/notify/notify-types";
import { subscribeSelfAction, unsubscribeByTokenAction, unsubscribeSelfAction } from "./actions";

const secondary =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** What the signed-in person's own e-mail hears of: events, services, minimum impact. */
export function SelfSubscribeForm({
  services,
  current,
}: {
  services: string[];
  current: SubscriptionView | null;
}) {
  const [state, action, pending] = useActionState(subscribeSelfAction, null);
  const events = current?.events ?? EVENT_KINDS.filter((e) => e !== "component.status_changed");
  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <fieldset>
          <legend className="text-sm font-medium">Events</legend>
          {EVENT_KINDS.map((e) => (
            <label key={e} className="mt-1 flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={e} defaultChecked={events.includes(e)} />
              {EVENT_KIND_LABEL[e]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">Services (none ticked: all)</legend>
          <div className="mt-1 max-h-40 overflow-y-auto">
            {services.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="services"
                  value={s}
                  defaultChecked={current?.serviceIds.includes(s)}
                />
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="minImpact" className="block text-sm font-medium">
            Minimum impact
          </label>
          <select
            id="minImpact"
            name="minImpact"
            defaultValue={current?.minImpact ?? "none"}
            className={inputClass}
          >
            {IMPACTS.map((i) => (
              <option key={i} value={i}>
                {i === "none" ? "any (none and up)" : `${i} and up`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {current ? "Save changes" : "Subscribe my e-mail"}
      </button>
      <FormMessage
        state={state}
        fields={["events", "services", "minImpact"]}
        success={state?.ok ? state.data.message : undefined}
      />
    </form>
  );
}

function Said({ state }: { state: Awaited<ReturnType<typeof unsubscribeSelfAction>> }) {
  return (
    <FormMessage state={state} fields={[]} success={state?.ok ? state.data.message : undefined} />
  );
}

export function UnsubscribeSelfForm() {
  const [state, action, pending] = useActionState(unsubscribeSelfAction, null);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" className={secondary} disabled={pending}>
        Unsubscribe
      </button>
      <Said state={state} />
    </form>
  );
}

/** The e-mail link's page: one button, since opening a link must not unsubscribe by itself. */
export function UnsubscribeByTokenForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(unsubscribeByTokenAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      {!state?.ok && (
        <button type="submit" className={buttonClass} disabled={pending}>
          Unsubscribe
        </button>
      )}
      <Said state={state} />
    </form>
  );
}
