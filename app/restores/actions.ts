"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionActor } from "@/lib/auth/session";
import { toActionResult, type ActionResult } from "@/lib/http";
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
// authorizes, validates and audits), revalidate, one result shape.

export type CheckState = ActionResult<PreflightResult & { checked: TargetValues }> | null;
export type RequestState = ActionResult<never> | null;
export type DoneState = ActionResult<{ message: string }> | null;

const restorePath = (id: string) => `/restores/${encodeURIComponent(id)}`;

/** Runs the pre-flight checks for the values in the form; changes nothing. Operator. */
export async function checkRestoreAction(_prev: CheckState, form: FormData): Promise<CheckState> {
  try {
    const actor = await actionActor();
    const checked = checkFromForm(form);
    return { ok: true, data: { ...(await checkRestoreAs(actor, checked)), checked } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Requests the restore (the server repeats every check), then opens its page. Operator. */
export async function requestRestoreAction(
  _prev: RequestState,
  form: FormData,
): Promise<RequestState> {
  let id: string;
  try {
    const actor = await actionActor();
    id = await requestRestoreAs(actor, requestFromForm(form));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath("/restores");
  redirect(restorePath(id));
}

/** Ticks or unticks one item of the post-restore checklist. Operator. */
export async function tickChecklistAction(
  restoreId: string,
  item: unknown,
  done: unknown,
): Promise<ActionResult<null>> {
  try {
    const actor = await actionActor();
    await tickChecklistAs(actor, String(restoreId), { item, done });
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(restorePath(restoreId));
  return { ok: true, data: null };
}

/** Resumes the restored service once the checklist is done. Operator. */
export async function resumeServiceAction(
  restoreId: string,
  _prev: DoneState,
  _form: FormData,
): Promise<DoneState> {
  try {
    const actor = await actionActor();
    await resumeServiceAs(actor, String(restoreId));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(restorePath(restoreId));
  revalidatePath("/restores");
  return { ok: true, data: { message: "Resumed: the service is active." } };
}

/** Deletes the target a failed restore left in restore_failed (the only thing allowed there). Operator. */
export async function deleteFailedServiceAction(
  restoreId: string,
  serviceId: string,
  _prev: DoneState,
  _form: FormData,
): Promise<DoneState> {
  try {
    const actor = await actionActor();
    await deleteFailedServiceAs(actor, String(serviceId));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(restorePath(restoreId));
  revalidatePath("/restores");
  return {
    ok: true,
    data: { message: `${serviceId} was deleted; its name is free for another restore.` },
  };
}
