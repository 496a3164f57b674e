"use client";
import type { Edition } from "@/lib/estate/types";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { describedBy, Field, inputClass } from "../backups/form-parts";
import { StatusIcon } from "../status/status-icon";
import { formatUtc } from "../board/format";
import { defaultStorage, defaultTrackingDatabase } from "./defaults";
import { TARGET_NAME_PATTERN } from "@/lib/restores/restore-types";
import type { RegionOption } from "./region-options";

export type Values = {
  target: string;
  region: string;
  edition: string;
  trackingDatabase: string;
  storage: string;
};

const EDITION_LABEL: Record<Edition, string> = {
  developer: "Developer",
  basic: "Basic",
  standard: "Standard",
  premium: "Premium",
};

/** The target of a restore. The database and storage names follow the target until edited. */
export function TargetFields({
  values,
  onChange,
  editions,
  regions,
  sourceRegion,
  statusAsOf,
  errors,
}: {
  values: Values;
  onChange: (next: Values) => void;
  editions: Edition[];
  regions: RegionOption[];
  sourceRegion: string;
  statusAsOf: string;
  errors: Record<string, string[]>;
}) {
  const err = (name: keyof Values) => errors[name]?.join("; ");
  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    onChange({ ...values, [name]: e.target.value });
  const setTarget = (e: { target: { value: string } }) => {
    const target = e.target.value;
    const follows = (field: "trackingDatabase" | "storage", make: (t: string) => string) =>
      values[field] === make(values.target.trim()) ? make(target.trim()) : values[field];
    onChange({
      ...values,
      target,
      trackingDatabase: follows("trackingDatabase", defaultTrackingDatabase),
      storage: follows("storage", defaultStorage),
    });
  };
  const chosen = regions.find((r) => r.id === values.region);
  const props = (name: keyof Values, hint: boolean) => ({
    id: `restore-${name}`,
    name,
    "aria-invalid": Boolean(err(name)) || undefined,
    "aria-describedby": describedBy(`restore-${name}`, hint, err(name)),
    className: inputClass,
  });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field
        id="restore-target"
        label="Target service name"
        hint="6 to 20 letters, digits and hyphens: a new name, or one whose service was deleted or is restore_failed"
        error={err("target")}
      >
        <input
          {...props("target", true)}
          value={values.target}
          onChange={setTarget}
          required
          minLength={6}
          maxLength={20}
          pattern={TARGET_NAME_PATTERN}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field
        id="restore-region"
        label="Target region"
        hint="Statuses from the live board; only an operational or degraded region takes a restore"
        error={err("region")}
      >
        <select {...props("region", true)} value={values.region} onChange={set("region")} required>
          <option value="" disabled>
            Choose a region
          </option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} · {STATUS_LABEL[r.status]}
              {r.id === sourceRegion ? " · the backed-up service's region" : ""}
            </option>
          ))}
        </select>
        <p className="mt-1 flex items-start gap-1.5 text-sm" data-testid="region-status">
          {chosen ? (
            <>
              <StatusIcon status={chosen.status} className="mt-0.5 size-4" />
              <span>
                {chosen.name}: {STATUS_LABEL[chosen.status]}
                {chosen.healthy
                  ? ""
                  : chosen.status === "unknown"
                    ? " (no fresh reading from it: the check will refuse it)"
                    : " (not healthy: the check will refuse it)"}{" "}
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  as of {formatUtc(statusAsOf, statusAsOf)}
                </span>
              </span>
            </>
          ) : (
            <span className="text-zinc-600 dark:text-zinc-400">No region chosen yet.</span>
          )}
        </p>
      </Field>
      <Field
        id="restore-edition"
        label="Edition"
        hint="The backup's edition or higher, never lower"
        error={err("edition")}
      >
        <select {...props("edition", true)} value={values.edition} onChange={set("edition")}>
          {editions.map((e) => (
            <option key={e} value={e}>
              {EDITION_LABEL[e]}
              {e === editions[0] ? " (as backed up)" : ""}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="restore-trackingDatabase"
        label="Tracking database"
        hint="New or existing; letters, digits and hyphens"
        error={err("trackingDatabase")}
      >
        <input
          {...props("trackingDatabase", true)}
          value={values.trackingDatabase}
          onChange={set("trackingDatabase")}
          required
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field
        id="restore-storage"
        label="Storage account"
        hint="New or existing; 3 to 24 lower-case letters and digits"
        error={err("storage")}
      >
        <input
          {...props("storage", true)}
          value={values.storage}
          onChange={set("storage")}
          required
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
    </div>
  );
}
