"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/backups/form-state";
import { actionContext } from "@/lib/auth/session";
import { formOf, idArgument, toFormRefusal } from "@/lib/http";
import {
  changeIncident,
  createIncident,
  postIncidentUpdate,
  writePostmortem,
} from "@/lib/incidents";
import { changeFrom, formValues, newIncidentFrom, postmortemFrom, updateFrom } from "./form-input";

// Thin: the caller first (actionContext refuses other sites), form -> raw input, the verb (which
// authorizes, validates and audits), revalidate, one result shape. Arguments are typed unknown:
// Next passes whatever the client posted, bound ids included.

const incidentPath = (id: string) => `/incidents/${encodeURIComponent(id)}`;

function done(id: string) {
  revalidatePath(incidentPath(id));
  revalidatePath("/history");
  revalidatePath("/");
}

/** Opens an incident (operator), then its page. */
export async function createIncidentAction(_prev: unknown, form: unknown): Promise<FormState> {
  let values: Record<string, string> | undefined;
  let id: string;
  try {
    const ctx = await actionContext();
    const data = formOf(form);
    values = formValues(data);
    id = await createIncident(ctx, newIncidentFrom(data));
  } catch (error) {
    return toFormRefusal(error, values);
  }
  done(id);
  redirect(incidentPath(id));
}

type Write = (
  ctx: Awaited<ReturnType<typeof actionContext>>,
  id: string,
  form: FormData,
) => Promise<unknown>;

/** The shape shared by the incident page's forms: bound id, form, verb, one message. */
async function onIncident(
  incidentId: unknown,
  form: unknown,
  write: Write,
  message: string,
): Promise<FormState<{ message: string }>> {
  let values: Record<string, string> | undefined;
  try {
    const ctx = await actionContext();
    const data = formOf(form);
    values = formValues(data);
    const id = idArgument(incidentId, "incidentId");
    await write(ctx, id, data);
    done(id);
  } catch (error) {
    return toFormRefusal(error, values);
  }
  return { ok: true, data: { message } };
}

/** Posts an update (operator). */
export async function postUpdateAction(
  incidentId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<FormState<{ message: string }>> {
  return onIncident(
    incidentId,
    form,
    (ctx, id, data) => postIncidentUpdate(ctx, id, updateFrom(data)),
    "Update posted.",
  );
}

/** Changes the title, impact or affected components (operator). */
export async function changeIncidentAction(
  incidentId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<FormState<{ message: string }>> {
  return onIncident(
    incidentId,
    form,
    (ctx, id, data) => changeIncident(ctx, id, changeFrom(data)),
    "Incident changed.",
  );
}

/** Publishes the postmortem of a resolved incident (operator). */
export async function postmortemAction(
  incidentId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<FormState<{ message: string }>> {
  return onIncident(
    incidentId,
    form,
    (ctx, id, data) => writePostmortem(ctx, id, postmortemFrom(data)),
    "Postmortem published.",
  );
}
