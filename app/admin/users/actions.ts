"use server";

import { revalidatePath } from "next/cache";
import { actionContext, setUserDisabled, setUserRole } from "@/lib/auth";
import { toActionResult, type ActionResult } from "@/lib/http";

type Result = ActionResult<{ message: string }> | null;

/** Changes a local user's role; authorized (admin) inside setUserRole. */
export async function changeRoleAction(_prev: Result, form: FormData): Promise<Result> {
  try {
    const ctx = await actionContext();
    const input = {
      userId: String(form.get("userId") ?? ""),
      role: String(form.get("role") ?? ""),
    };
    const user = await setUserRole(ctx, input);
    revalidatePath("/admin/users");
    return { ok: true, data: { message: `${user.email} is now ${user.role}.` } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Disables (signing out everywhere) or enables a user; authorized inside setUserDisabled. */
export async function setDisabledAction(_prev: Result, form: FormData): Promise<Result> {
  try {
    const ctx = await actionContext();
    const input = {
      userId: String(form.get("userId") ?? ""),
      disabled: form.get("disabled") === "true",
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
