"use client";
import { useActionState } from "react";
import { takeBackupAction } from "@/components/backups/actions";
import type { StoreOption } from "@/lib/backups/backup-types";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "./form-parts";
import { fieldError, type FormState } from "./form-state";

const FIELDS = ["service", "name", "store", "region"];

/**
 * Take a backup now. With `service` fixed (a service's page) there is no service choice; the
 * region defaults to the one given (the schedule's, or another region than the service's own).
 */
export function TakeBackupForm({
  services,
  service,
  stores,
  defaultRegion,
}: {
  services?: string[];
  service?: string;
  stores: StoreOption[];
  defaultRegion?: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(takeBackupAction, null);
  const v = state?.values ?? {};
  const regions = stores[0]?.regions ?? [];
  const err = (name: string) => fieldError(state, name);
  const id = (name: string) => `take-${name}`;
  return (
    <form action={action} aria-label="Take a backup" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {service ? (
          <input type="hidden" name="service" value={service} />
        ) : (
          <Field id={id("service")} label="Service" error={err("service")}>
            <select
              id={id("service")}
              name="service"
              required
              defaultValue={v.service ?? ""}
              key={`service-${v.service}`}
              aria-invalid={Boolean(err("service")) || undefined}
              aria-describedby={describedBy(id("service"), false, err("service"))}
              className={inputClass}
            >
              <option value="" disabled>
                Choose a service
              </option>
              {(services ?? []).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field
          id={id("name")}
          label="Name (optional)"
          hint="Default: <service>-<UTC date-time>"
          error={err("name")}
        >
          <input
            id={id("name")}
            name="name"
            defaultValue={v.name ?? ""}
            key={`name-${v.name}`}
            placeholder="before-partner-migration"
            autoComplete="off"
            aria-invalid={Boolean(err("name")) || undefined}
            aria-describedby={describedBy(id("name"), true, err("name"))}
            className={inputClass}
          />
        </Field>
        <Field id={id("store")} label="Backup store" error={err("store")}>
          <select
            id={id("store")}
            name="store"
            defaultValue={v.store ?? stores[0]?.id ?? ""}
            key={`store-${v.store}`}
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
            defaultValue={v.region ?? defaultRegion ?? ""}
            key={`region-${v.region}`}
            aria-invalid={Boolean(err("region")) || undefined}
            aria-describedby={describedBy(id("region"), false, err("region"))}
            className={inputClass}
          >
            {!defaultRegion && (
              <option value="">Default: the schedule&apos;s, else the service&apos;s own</option>
            )}
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormMessage state={state} fields={FIELDS} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Taking a backup…" : "Take a backup"}
      </button>
    </form>
  );
}
