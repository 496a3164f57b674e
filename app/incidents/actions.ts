"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/backups/form-state";
import { actionActor } from "@/lib/auth/session";
import { toActionResult } from "@/lib/http";
import {
  changeIncidentAs,
  createIncidentAs,
  postIncidentUpdateAs,
  writePostmortemAs,
} from "@/lib/incidents";
import { changeFrom, formValues, newIncidentFrom, postmortemFrom, updateFrom } from "./form-input";

// Thin: the caller first (actionActor refuses other sites), form -> raw input, the verb (which
// authorizes, validates and audits), revalidate, one result shape.

const incidentPath = (id: string) => `/incidents/${encodeURIComponent(id)}`;

/** A refusal as a form result, with the values to show again (field errors as a plain object). */
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

function done(id: string) {
  revalidatePath(incidentPath(id));
  revalidatePath("/history");
  revalidatePath("/");
}

/** Opens an incident (operator), then its page. */
export async function createIncidentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  let id: string;
  try {
    const actor = await actionActor();
    id = await createIncidentAs(actor, newIncidentFrom(form));
  } catch (error) {
    return refused(error, values);
  }
  done(id);
  redirect(incidentPath(id));
}

/** Posts an update (operator). */
export async function postUpdateAction(
  incidentId: string,
  _prev: FormState<{ message: string }>,
  form: FormData,
): Promise<FormState<{ message: string }>> {
  const values = formValues(form);
  try {
    const actor = await actionActor();
    await postIncidentUpdateAs(actor, String(incidentId), updateFrom(form));
  } catch (error) {
    return refused(error, values);
  }
  done(incidentId);
  return { ok: true, data: { message: "Update posted." } };
}

/** Changes the title, impact or affected components (operator). */
export async function changeIncidentAction(
  incidentId: string,
  _prev: FormState<{ message: string }>,
  form: FormData,
): Promise<FormState<{ message: string }>> {
  const values = formValues(form);
  try {
    const actor = await actionActor();
    await changeIncidentAs(actor, String(incidentId), changeFrom(form));
  } catch (error) {
    return refused(error, values);
  }
  done(incidentId);
  return { ok: true, data: { message: "Incident changed." } };
}

/** Publishes the postmortem of a resolved incident (operator). */
export async function postmortemAction(
  incidentId: string,
  _prev: FormState<{ message: string }>,
  form: FormData,
): Promise<FormState<{ message: string }>> {
  const values = formValues(form);
  try {
    const actor = await actionActor();
    await writePostmortemAs(actor, String(incidentId), postmortemFrom(form));
  } catch (error) {
    return refused(error, values);
  }
  done(incidentId);
  return { ok: true, data: { message: "Postmortem published." } };
}
