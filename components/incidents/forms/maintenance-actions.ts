"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/backups/form-state";
import { actionContext } from "@/lib/auth/session";
import { formOf, idArgument, toFormRefusal } from "@/lib/http";
import { scheduleMaintenance, updateMaintenance } from "@/lib/incidents";
import { formValues, maintenanceFrom, updateFrom } from "./form-input";

// Thin, as the incident actions: arguments typed unknown (Next passes whatever was posted).

const maintenancePath = (id: string) => `/maintenance/${encodeURIComponent(id)}`;

/** Schedules maintenance (operator), then opens its page. */
export async function scheduleMaintenanceAction(_prev: unknown, form: unknown): Promise<FormState> {
  let values: Record<string, string> | undefined;
  let id: string;
  try {
    const ctx = await actionContext();
    const data = formOf(form);
    values = formValues(data);
    id = await scheduleMaintenance(ctx, maintenanceFrom(data));
  } catch (error) {
    return toFormRefusal(error, values);
  }
  revalidatePath("/maintenance");
  revalidatePath("/");
  redirect(maintenancePath(id));
}

/** Moves a maintenance along with a message (operator). */
export async function updateMaintenanceAction(
  maintenanceId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<FormState<{ message: string }>> {
  let values: Record<string, string> | undefined;
  try {
    const ctx = await actionContext();
    const data = formOf(form);
    values = formValues(data);
    const id = idArgument(maintenanceId, "maintenanceId");
    await updateMaintenance(ctx, id, updateFrom(data));
    revalidatePath(maintenancePath(id));
  } catch (error) {
    return toFormRefusal(error, values);
  }
  revalidatePath("/maintenance");
  revalidatePath("/");
  return { ok: true, data: { message: "Maintenance updated." } };
}
