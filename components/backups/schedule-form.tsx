"use client";
import { useActionState } from "react";
import { setScheduleAction } from "@/components/backups/actions";
import type { ScheduleView, StoreOption } from "@/lib/backups/backup-types";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "./form-parts";
import { fieldError, type FormState } from "./form-state";
import { durationText } from "./format";

const FIELDS = [
  "frequency",
  "retention",
  "store",
  "region",
  "enabled",
  "keepAtLeastOne",
  "afterChange",
];
type State = FormState<{ message: string }>;

/** Sets or replaces the service's backup schedule (admin). Starts from the current one, or the recommended practice. */
export function ScheduleForm({
  serviceId,
  schedule,
  stores,
  offsiteRegion,
}: {
  serviceId: string;
  schedule: ScheduleView | null;
  stores: StoreOption[];
  /** A region other than the service's own: the default target of a new schedule. */
  offsiteRegion: string;
}) {
  const [state, action, pending] = useActionState<State, FormData>(
    setScheduleAction.bind(null, serviceId),
    null,
  );
  const v = state?.values;
  const text = (name: string, current: string) => v?.[name] ?? current;
  const checked = (name: string, current: boolean) => (v ? v[name] === "on" : current);
  const err = (name: string) => fieldError(state, name);
  const id = (name: string) => `schedule-${name}`;
  const regions = stores[0]?.regions ?? [];
  const k = JSON.stringify(v ?? null);
  return (
    <form action={action} aria-label="Backup schedule" className="space-y-3" key={k}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          id={id("frequency")}
          label="Every"
          hint="1h to 7d, e.g. 1d or 12h"
          error={err("frequency")}
        >
          <input
            id={id("frequency")}
            name="frequency"
            defaultValue={text("frequency", schedule ? durationText(schedule.frequencyMs) : "1d")}
            aria-invalid={Boolean(err("frequency")) || undefined}
            aria-describedby={describedBy(id("frequency"), true, err("frequency"))}
            className={inputClass}
          />
        </Field>
        <Field
          id={id("retention")}
          label="Keep for"
          hint="longer than the frequency, e.g. 7d"
          error={err("retention")}
        >
          <input
            id={id("retention")}
            name="retention"
            defaultValue={text("retention", schedule ? durationText(schedule.retentionMs) : "7d")}
            aria-invalid={Boolean(err("retention")) || undefined}
            aria-describedby={describedBy(id("retention"), true, err("retention"))}
            className={inputClass}
          />
        </Field>
        <Field id={id("store")} label="Backup store" error={err("store")}>
          <select
            id={id("store")}
            name="store"
            defaultValue={text("store", schedule?.storeId ?? stores[0]?.id ?? "")}
            aria-invalid={Boolean(err("store")) || undefined}
            aria-describedby={describedBy(id("store"), false, err("store"))}
            className={inputClass}
          >
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("region")} label="Region" error={err("region")}>
          <select
            id={id("region")}
            name="region"
            defaultValue={text("region", schedule?.region ?? offsiteRegion)}
            aria-invalid={Boolean(err("region")) || undefined}
            aria-describedby={describedBy(id("region"), false, err("region"))}
            className={inputClass}
          >
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <legend className="sr-only">Options</legend>
        {(
          [
            ["enabled", "Scheduled backups on", schedule?.enabled ?? true],
            ["keepAtLeastOne", "Always keep at least one backup", schedule?.keepAtLeastOne ?? true],
            [
              "afterChange",
              "Back up after every management operation",
              schedule?.afterChange ?? true,
            ],
          ] as const
        ).map(([name, label, current]) => (
          <label key={name} className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              name={name}
              defaultChecked={checked(name, current)}
              className="size-4 accent-blue-600"
            />
            {label}
            {err(name) && (
              <span className="text-xs text-red-700 dark:text-red-300">{err(name)}</span>
            )}
          </label>
        ))}
      </fieldset>
      <FormMessage
        state={state}
        fields={FIELDS}
        success={state?.ok ? state.data.message : undefined}
      />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Saving…" : schedule ? "Save schedule" : "Create schedule"}
      </button>
    </form>
  );
}
