"use client";
import { useActionState, useState } from "react";
import { runOperationAction } from "@/components/backups/actions";
import { OPERATION_KINDS, OPERATION_LABEL, type OperationKind } from "@/lib/backups/backup-types";
import { buttonClass, describedBy, Field, FormMessage, inputClass } from "./form-parts";
import { fieldError, type FormState } from "./form-state";

type State = FormState<{ message: string }>;
type Spec = {
  name: string;
  label: string;
  hint?: string;
  type?: "number" | "url";
  options?: [string, string][];
  initial?: string;
};

/** The fields of each kind, named as the operation takes them, so a refusal lands beside its field. */
const FIELDS: Record<OperationKind, Spec[]> = {
  "update-ssl-certificate": [
    {
      name: "subject",
      label: "Subject (optional)",
      hint: "e.g. CN=contoso-edi.example.com; empty keeps the current one",
    },
    {
      name: "validForDays",
      label: "Valid for (days)",
      type: "number",
      hint: "30 to 825",
      initial: "397",
    },
  ],
  "add-agreement": [
    { name: "name", label: "Agreement name" },
    {
      name: "protocol",
      label: "Protocol",
      options: [
        ["X12", "X12"],
        ["EDIFACT", "EDIFACT"],
        ["AS2", "AS2"],
      ],
    },
    { name: "guestPartner", label: "Guest partner id", hint: "an existing partner, e.g. p2" },
  ],
  "change-agreement": [
    { name: "agreementId", label: "Agreement id", hint: "e.g. a1-1" },
    { name: "name", label: "New name (optional)" },
    {
      name: "enabled",
      label: "Enabled",
      options: [
        ["", "No change"],
        ["enable", "Enable"],
        ["disable", "Disable"],
      ],
    },
  ],
  "remove-agreement": [{ name: "agreementId", label: "Agreement id", hint: "e.g. a1-1" }],
  "change-bridge": [
    { name: "bridgeId", label: "Bridge id", hint: "e.g. b1" },
    { name: "address", label: "New address (optional)", type: "url", hint: "https://…" },
    {
      name: "pipeline",
      label: "New pipeline (optional)",
      hint: "stages in order, from decode, validate, enrich, transform, encode",
    },
  ],
  "scale-units": [
    { name: "units", label: "Units", type: "number", hint: "the edition's limit applies" },
  ],
};

/** Runs one management operation on the service (admin): choose the kind, then its fields. */
export function OperationForm({
  serviceId,
  afterChange,
}: {
  serviceId: string;
  afterChange: boolean;
}) {
  const [state, action, pending] = useActionState<State, FormData>(
    runOperationAction.bind(null, serviceId),
    null,
  );
  const [kind, setKind] = useState<OperationKind>(
    (state && !state.ok && (state.values?.kind as OperationKind)) || OPERATION_KINDS[0],
  );
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const err = (name: string) => fieldError(state, name);
  const id = (name: string) => `op-${name}`;
  const fields = FIELDS[kind];
  return (
    <form action={action} aria-label="Management operation" className="space-y-3">
      <div
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        key={`${kind}-${JSON.stringify(values)}`}
      >
        <Field id={id("kind")} label="Operation" error={err("kind")}>
          <select
            id={id("kind")}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as OperationKind)}
            className={inputClass}
          >
            {OPERATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {OPERATION_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
        {fields.map((f) => (
          <Field key={f.name} id={id(f.name)} label={f.label} hint={f.hint} error={err(f.name)}>
            {f.options ? (
              <select
                id={id(f.name)}
                name={f.name}
                defaultValue={values[f.name] ?? f.options[0]![0]}
                aria-invalid={Boolean(err(f.name)) || undefined}
                aria-describedby={describedBy(id(f.name), Boolean(f.hint), err(f.name))}
                className={inputClass}
              >
                {f.options.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id(f.name)}
                name={f.name}
                type={f.type === "number" ? "number" : "text"}
                inputMode={f.type === "url" ? "url" : undefined}
                defaultValue={values[f.name] ?? f.initial ?? ""}
                autoComplete="off"
                aria-invalid={Boolean(err(f.name)) || undefined}
                aria-describedby={describedBy(id(f.name), Boolean(f.hint), err(f.name))}
                className={inputClass}
              />
            )}
          </Field>
        ))}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {afterChange
          ? "The schedule's after-change policy queues a backup right after the operation."
          : "No backup follows automatically: this service's schedule does not back up after changes."}
      </p>
      <FormMessage
        state={state}
        fields={["kind", ...fields.map((f) => f.name)]}
        success={state?.ok ? state.data.message : undefined}
      />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Running…" : "Run operation"}
      </button>
    </form>
  );
}
