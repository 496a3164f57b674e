"use server";

import { revalidatePath } from "next/cache";
import { actionContext, setUserDisabled, setUserRole } from "@/lib/auth";
import { formOf, formText, toActionResult, type ActionResult } from "@/lib/http";

type Result = ActionResult<{ message: string }> | null;

/** Changes a local user's role; authorized (admin) inside setUserRole. */
export async function changeRoleAction(_prev: unknown, form: unknown): Promise<Result> {
  try {
    const ctx = await actionContext();
    const fields = formOf(form);
    const input = { userId: formText(fields, "userId"), role: formText(fields, "role") };
    const user = await setUserRole(ctx, input);
    revalidatePath("/admin/users");
    return { ok: true, data: { message: `${user.email} is now ${user.role}.` } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Disables (signing out everywhere) or enables a user; authorized inside setUserDisabled. */
export async function setDisabledAction(_prev: unknown, form: unknown): Promise<Result> {
  try {
    const ctx = await actionContext();
    const fields = formOf(form);
    const input = {
      userId: formText(fields, "userId"),
      disabled: formText(fields, "disabled") === "true",
    };
    const user = await setUserDisabled(ctx, input);
    revalidatePath("/admin/users");
    return {
      ok: true,
      data: { message: `${user.email} is ${user.disabled ? "disabled" : "enabled"}.` },
    };
  } catch (error) {
    return toActionResult(error);
  }
}
