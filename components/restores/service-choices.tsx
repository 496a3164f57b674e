"use client";
import { useState } from "react";
import {
  DEFAULT_REPLICATION,
  GEO_REPLICATED,
  REPLICATIONS,
  SCHEDULE_CHOICES,
  SCHEDULE_LABEL,
  type ScheduleChoice,
} from "@/lib/restores/restore-types";
import type { Replication } from "@/lib/estate/types";
import { describedBy, Field, inputClass } from "../backups/form-parts";

function Warning({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={id} className="mt-1 text-xs font-medium text-amber-800 dark:text-amber-300">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

/**
 * What the new service gets beside the backup's configuration: its storage replication and a backup
 * schedule, defaulting to the choices that pass the compliance rules; any other says it will fail.
 */
export function ServiceChoices({
  developer,
  errors,
}: {
  developer: boolean;
  errors: Record<string, string[]>;
}) {
  const [replication, setReplication] = useState<Replication>(DEFAULT_REPLICATION);
  const [chosen, setSchedule] = useState<ScheduleChoice>("daily");
  // The developer edition cannot be backed up: its only schedule is none.
  const schedule: ScheduleChoice = developer ? "none" : chosen;
  const geo = GEO_REPLICATED.includes(replication);
  const err = (name: string) => errors[name]?.join("; ");
  return (
    <fieldset className="grid gap-3 rounded-md border border-zinc-300 p-3 sm:grid-cols-2 dark:border-zinc-700">
      <legend className="px-1 text-sm font-semibold">The new service</legend>
      <Field
        id="restore-storageReplication"
        label="Storage replication"
        hint="Geo-replication (GRS family) keeps a copy in another region"
        error={err("storageReplication")}
      >
        <select
          id="restore-storageReplication"
          name="storageReplication"
          value={replication}
          onChange={(e) => setReplication(e.target.value as Replication)}
          aria-invalid={Boolean(err("storageReplication")) || undefined}
          aria-describedby={`${describedBy("restore-storageReplication", true, err("storageReplication"))}${geo ? "" : " restore-replication-warning"}`}
          className={inputClass}
        >
          {REPLICATIONS.map((r) => (
            <option key={r} value={r}>
              {r}
              {GEO_REPLICATED.includes(r) ? " (geo-replicated)" : ""}
              {r === DEFAULT_REPLICATION ? " · recommended" : ""}
            </option>
          ))}
        </select>
        {!geo && (
          <Warning id="restore-replication-warning">
            {replication} keeps no copy in another region: the service will fail the storage
            geo-replication rule.
          </Warning>
        )}
      </Field>
      <Field
        id="restore-backupSchedule"
        label="Backup schedule"
        hint="Backups go to another region than the new service's"
        error={err("backupSchedule")}
      >
        <select
          id="restore-backupSchedule"
          name="backupSchedule"
          value={schedule}
          onChange={(e) => setSchedule(e.target.value as ScheduleChoice)}
          aria-invalid={Boolean(err("backupSchedule")) || undefined}
          aria-describedby={`${describedBy("restore-backupSchedule", true, err("backupSchedule"))}${schedule === "none" ? " restore-schedule-warning" : ""}`}
          className={inputClass}
        >
          {SCHEDULE_CHOICES.filter((c) => !developer || c === "none").map((c) => (
            <option key={c} value={c}>
              {SCHEDULE_LABEL[c]}
            </option>
          ))}
        </select>
        {schedule === "none" && (
          <Warning id="restore-schedule-warning">
            {developer
              ? "The developer edition cannot be backed up."
              : "No schedule: the service will fail the backup compliance rules until one is set."}
          </Warning>
        )}
      </Field>
    </fieldset>
  );
}
