"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/backups/form-state";
import { actionActor } from "@/lib/auth/session";
import { formOf, idArgument, toFormRefusal } from "@/lib/http";
import {
  changeIncidentAs,
  createIncidentAs,
  postIncidentUpdateAs,
  writePostmortemAs,
} from "@/lib/incidents";
import { changeFrom, formValues, newIncidentFrom, postmortemFrom, updateFrom } from "./form-input";

// Thin: the caller first (actionActor refuses other sites), form -> raw input, the verb (which
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
    const actor = await actionActor();
    const data = formOf(form);
    values = formValues(data);
    id = await createIncidentAs(actor, newIncidentFrom(data));
  } catch (error) {
    return toFormRefusal(error, values);
  }
  done(id);
  redirect(incidentPath(id));
}

type Write = (
  actor: Awaited<ReturnType<typeof actionActor>>,
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
    const actor = await actionActor();
    const data = formOf(form);
    values = formValues(data);
    const id = idArgument(incidentId, "incidentId");
    await write(actor, id, data);
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
    (actor, id, data) => postIncidentUpdateAs(actor, id, updateFrom(data)),
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
    (actor, id, data) => changeIncidentAs(actor, id, changeFrom(data)),
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
    (actor, id, data) => writePostmortemAs(actor, id, postmortemFrom(data)),
    "Postmortem published.",
  );
}
