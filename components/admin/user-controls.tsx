"use client";

import { useActionState } from "react";
import { changeRoleAction, setDisabledAction } from "@/components/admin/actions";
import { ROLES, type Role } from "@/lib/roles";

const button =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

type Result = Awaited<ReturnType<typeof changeRoleAction>>;

function Outcome({ result }: { result: Result }) {
  return (
    <p aria-live="polite" role="status" className="min-h-5 text-sm">
      {result && !result.ok && (
        <span className="text-red-700 dark:text-red-300">{result.error}</span>
      )}
      {result?.ok && (
        <span className="text-green-700 dark:text-green-300">{result.data.message}</span>
      )}
    </p>
  );
}

/** Role select and Change button for one local user. */
export function RoleControl({
  userId,
  role,
  label,
}: {
  userId: string;
  role: Role | null;
  label: string;
}) {
  const [result, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role of {label}
        </label>
        <select
          id={`role-${userId}`}
          name="role"
          defaultValue={role ?? "viewer"}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" className={button} disabled={pending}>
          Change role
        </button>
      </div>
      <Outcome result={result} />
    </form>
  );
}

/** Disable or Enable for one user. */
export function DisableControl({
  userId,
  disabled,
  label,
}: {
  userId: string;
  disabled: boolean;
  label: string;
}) {
  const [result, action, pending] = useActionState(setDisabledAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <button
        type="submit"
        className={button}
        disabled={pending}
        aria-label={`${disabled ? "Enable" : "Disable"} ${label}`}
      >
        {disabled ? "Enable" : "Disable"}
      </button>
      <Outcome result={result} />
    </form>
  );
}
