"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionActor } from "@/lib/auth/session";
import { formOf, idArgument, toActionResult, type ActionResult } from "@/lib/http";
import {
  checkRestoreAs,
  deleteFailedServiceAs,
  requestRestoreAs,
  resumeServiceAs,
  tickChecklistAs,
  type PreflightResult,
} from "@/lib/restores";
import { checkFromForm, requestFromForm, type TargetValues } from "./form-input";

// Thin: the caller first (actionActor refuses other sites), form -> raw input, the verb (which
// authorizes, validates and audits), revalidate, one result shape. Arguments are typed unknown:
// Next passes whatever the client posted, bound ids included.

export type CheckState = ActionResult<PreflightResult & { checked: TargetValues }> | null;
export type RequestState = ActionResult<never> | null;
export type DoneState = ActionResult<{ message: string }> | null;

const restorePath = (id: string) => `/restores/${encodeURIComponent(id)}`;

/** Runs the pre-flight checks for the values in the form; changes nothing. Operator. */
export async function checkRestoreAction(_prev: unknown, form: unknown): Promise<CheckState> {
  try {
    const actor = await actionActor();
    const checked = checkFromForm(formOf(form));
    return { ok: true, data: { ...(await checkRestoreAs(actor, checked)), checked } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Requests the restore (the server repeats every check), then opens its page. Operator. */
export async function requestRestoreAction(_prev: unknown, form: unknown): Promise<RequestState> {
  let id: string;
  try {
    const actor = await actionActor();
    id = await requestRestoreAs(actor, requestFromForm(formOf(form)));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath("/restores");
  redirect(restorePath(id));
}

/** Ticks or unticks one item of the post-restore checklist. Operator. */
export async function tickChecklistAction(
  restoreId: unknown,
  item: unknown,
  done: unknown,
): Promise<ActionResult<null>> {
  let id: string;
  try {
    const actor = await actionActor();
    id = idArgument(restoreId, "restoreId");
    await tickChecklistAs(actor, id, { item, done });
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(restorePath(id));
  return { ok: true, data: null };
}

/** Resumes the restored service once the checklist is done. Operator. */
export async function resumeServiceAction(
  restoreId: unknown,
  _prev: unknown,
  _form: unknown,
): Promise<DoneState> {
  let id: string;
  try {
    const actor = await actionActor();
    id = idArgument(restoreId, "restoreId");
    await resumeServiceAs(actor, id);
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(restorePath(id));
  revalidatePath("/restores");
  return { ok: true, data: { message: "Resumed: the service is active." } };
}

/** Deletes the target a failed restore left in restore_failed (the only thing allowed there). Operator. */
export async function deleteFailedServiceAction(
  restoreId: unknown,
  serviceId: unknown,
  _prev: unknown,
  _form: unknown,
): Promise<DoneState> {
  let ids: { restore: string; service: string };
  try {
    const actor = await actionActor();
    ids = {
      restore: idArgument(restoreId, "restoreId"),
      service: idArgument(serviceId, "serviceId"),
    };
    await deleteFailedServiceAs(actor, ids.service);
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(restorePath(ids.restore));
  revalidatePath("/restores");
  return {
    ok: true,
    data: { message: `${ids.service} was deleted; its name is free for another restore.` },
  };
}
