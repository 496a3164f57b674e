"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionContext } from "@/lib/auth/session";
import { formOf, idArgument, toActionResult, type ActionResult } from "@/lib/http";
import {
  checkRestore,
  deleteFailedService,
  requestRestore,
  resumeService,
  tickChecklist,
  type PreflightResult,
} from "@/lib/restores";
import { checkFromForm, requestFromForm, type TargetValues } from "./form-input";

// Thin: the caller first (actionContext refuses other sites), form -> raw input, the verb (which
// authorizes, validates and audits), revalidate, one result shape. Arguments are typed unknown:
// Next passes whatever the client posted, bound ids included.

export type CheckState = ActionResult<PreflightResult & { checked: TargetValues }> | null;
export type RequestState = ActionResult<never> | null;
export type DoneState = ActionResult<{ message: string }> | null;

const restorePath = (id: string) => `/restores/${encodeURIComponent(id)}`;

/** Runs the pre-flight checks for the values in the form; changes nothing. Operator. */
export async function checkRestoreAction(_prev: unknown, form: unknown): Promise<CheckState> {
  try {
    const ctx = await actionContext();
    const checked = checkFromForm(formOf(form));
    return { ok: true, data: { ...(await checkRestore(ctx, checked)), checked } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Requests the restore (the server repeats every check), then opens its page. Operator. */
export async function requestRestoreAction(_prev: unknown, form: unknown): Promise<RequestState> {
  let id: string;
  try {
    const ctx = await actionContext();
    id = await (await requestRestore(ctx, requestFromForm(formOf(form)))).id;
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
    const ctx = await actionContext();
    id = idArgument(restoreId, "restoreId");
    await tickChecklist(ctx, id, { item, done });
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
    const ctx = await actionContext();
    id = idArgument(restoreId, "restoreId");
    await resumeService(ctx, id);
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
    const ctx = await actionContext();
    ids = {
      restore: idArgument(restoreId, "restoreId"),
      service: idArgument(serviceId, "serviceId"),
    };
    await deleteFailedService(ctx, ids.service);
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
