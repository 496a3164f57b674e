"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/backups/form-state";
import { actionContext } from "@/lib/auth/session";
import { requestDrill, setDrillSchedule } from "@/lib/drills";
import { formOf, idArgument, toFormRefusal } from "@/lib/http";
import { formText } from "../jobs/form-input";

// Thin: bound service id (+ form) -> the verb (which authorizes and validates) -> revalidate.

const servicePath = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}`;

/** Runs a restore drill of the service now (operator); a drill in flight is answered instead. */
export async function runDrillAction(
  serviceId: unknown,
  _prev: unknown,
  _form: unknown,
): Promise<FormState<{ id: string }>> {
  try {
    const ctx = await actionContext();
    const id = idArgument(serviceId, "serviceId");
    const drill = await requestDrill(ctx, id, {});
    revalidatePath(servicePath(id));
    return { ok: true, data: { id: drill.id } };
  } catch (error) {
    return toFormRefusal(error);
  }
}

/** Sets the service's drill schedule (admin): every N days, or off (empty). */
export async function setDrillScheduleAction(
  serviceId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<FormState> {
  let values: Record<string, string> | undefined;
  try {
    const ctx = await actionContext();
    const id = idArgument(serviceId, "serviceId");
    const text = formText(formOf(form), "everyDays");
    values = { everyDays: text };
    const everyDays = text === "" ? null : /^\d{1,4}$/.test(text) ? Number(text) : text;
    await setDrillSchedule(ctx, id, { everyDays });
    revalidatePath(servicePath(id));
    return { ok: true, data: null };
  } catch (error) {
    return toFormRefusal(error, values);
  }
}
