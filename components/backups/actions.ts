"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestBackup, runOperation, setSchedule, verifyBackup } from "@/lib/backups";
import { actionContext } from "@/lib/auth/session";
import { formOf, idArgument, toFormRefusal } from "@/lib/http";
import type { FormState } from "@/components/backups/form-state";
import { formValues, operationFromForm, ScheduleForm, TakeBackupForm } from "./form-input";

// Thin: form -> raw input -> the verb (which authorizes and validates) -> revalidate -> one result.
// Arguments are typed unknown: Next passes whatever the client posted, bound ids included.

const servicePath = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}`;

/** Takes a backup now (operator), then opens its page to follow it. */
export async function takeBackupAction(_prev: unknown, form: unknown): Promise<FormState> {
  let values: Record<string, string> | undefined;
  let id: string;
  let service: string;
  try {
    const ctx = await actionContext();
    values = formValues(formOf(form));
    const raw = TakeBackupForm.parse(values);
    service = raw.service;
    id = (await requestBackup(ctx, raw)).id;
  } catch (error) {
    return toFormRefusal(error, values);
  }
  revalidatePath("/backups");
  revalidatePath(servicePath(service));
  redirect(`/backups/${id}`);
}

/** Reads the archive back from its store and checks its SHA-256 (operator). */
export async function verifyBackupAction(
  backupId: unknown,
  _prev: unknown,
  _form: unknown,
): Promise<FormState<{ ok: boolean; message: string }>> {
  try {
    const ctx = await actionContext();
    const id = idArgument(backupId, "backupId");
    const result = await verifyBackup(ctx, id);
    revalidatePath(`/backups/${encodeURIComponent(id)}`);
    revalidatePath("/backups");
    return { ok: true, data: { ok: result.ok, message: result.message } };
  } catch (error) {
    return toFormRefusal(error);
  }
}

/** Sets or replaces a service's backup schedule (admin). */
export async function setScheduleAction(
  serviceId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<FormState<{ message: string }>> {
  let values: Record<string, string> | undefined;
  try {
    const ctx = await actionContext();
    values = formValues(formOf(form));
    const id = idArgument(serviceId, "serviceId");
    const row = await setSchedule(ctx, id, ScheduleForm.parse(values));
    revalidatePath(servicePath(id));
    revalidatePath("/compliance");
    return {
      ok: true,
      data: {
        message: row.enabled
          ? `Schedule saved. The next scheduled backup is due ${row.nextDueAt?.toISOString().replace("T", " ").slice(0, 16)} UTC.`
          : "Schedule saved, switched off: no scheduled backups until it is switched on again.",
      },
      values,
    };
  } catch (error) {
    return toFormRefusal(error, values);
  }
}

/** Runs a management operation on the service (admin); the after-change policy may queue a backup. */
export async function runOperationAction(
  serviceId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<FormState<{ message: string }>> {
  let values: Record<string, string> | undefined;
  try {
    const ctx = await actionContext();
    values = formValues(formOf(form));
    const id = idArgument(serviceId, "serviceId");
    const operation = await runOperation(ctx, id, operationFromForm(values));
    revalidatePath(servicePath(id));
    revalidatePath("/backups");
    revalidatePath("/compliance");
    return { ok: true, data: { message: `Done: ${operation.summary}.` } };
  } catch (error) {
    return toFormRefusal(error, values);
  }
}
