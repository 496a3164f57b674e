"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/backups/form-state";
import { actionActor } from "@/lib/auth/session";
import { toActionResult } from "@/lib/http";
import { scheduleMaintenanceAs, updateMaintenanceAs } from "@/lib/incidents";
import { formValues, maintenanceFrom, updateFrom } from "../incidents/form-input";

const maintenancePath = (id: string) => `/maintenance/${encodeURIComponent(id)}`;

function refused(error: unknown, values?: Record<string, string>): FormState<never> {
  const result = toActionResult(error);
  if (result.ok) return result;
  return {
    ok: false,
    error: result.error,
    ...(result.fieldErrors
      ? { fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors)) }
      : {}),
    ...(values ? { values } : {}),
  };
}

/** Schedules maintenance (operator), then opens its page. */
export async function scheduleMaintenanceAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const values = formValues(form);
  let id: string;
  try {
    const actor = await actionActor();
    id = await scheduleMaintenanceAs(actor, maintenanceFrom(form));
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath("/maintenance");
  revalidatePath("/");
  redirect(maintenancePath(id));
}

/** Moves a maintenance along with a message (operator). */
export async function updateMaintenanceAction(
  maintenanceId: string,
  _prev: FormState<{ message: string }>,
  form: FormData,
): Promise<FormState<{ message: string }>> {
  const values = formValues(form);
  try {
    const actor = await actionActor();
    await updateMaintenanceAs(actor, String(maintenanceId), updateFrom(form));
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(maintenancePath(maintenanceId));
  revalidatePath("/maintenance");
  revalidatePath("/");
  return { ok: true, data: { message: "Maintenance updated." } };
}
