"use server";

import { revalidatePath } from "next/cache";
import { actionContext } from "@/lib/auth";
import { formList } from "./form-list";
import { formOf, formText, toActionResult, type ActionResult } from "@/lib/http";
import { subscribeSelf, unsubscribeByToken, unsubscribeSelf } from "@/lib/incidents/notify";

type Result = ActionResult<{ message: string }> | null;

/** The signed-in person subscribes their own address (any role); authorized inside subscribeSelf. */
export async function subscribeSelfAction(_prev: unknown, form: unknown): Promise<Result> {
  try {
    const ctx = await actionContext();
    const fields = formOf(form);
    const saved = await subscribeSelf(ctx, {
      services: formList(fields, "services"),
      minImpact: formText(fields, "minImpact", 20) || undefined,
      events: formList(fields, "events"),
    });
    revalidatePath("/subscribe");
    return { ok: true, data: { message: `Saved: e-mail goes to ${saved.targetLabel}.` } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Stops the signed-in person's own e-mail subscription. */
export async function unsubscribeSelfAction(_prev: unknown, form: unknown): Promise<Result> {
  try {
    const ctx = await actionContext();
    formOf(form);
    await unsubscribeSelf(ctx);
    revalidatePath("/subscribe");
    return { ok: true, data: { message: "Unsubscribed: no more e-mail." } };
  } catch (error) {
    return toActionResult(error);
  }
}

/**
 * The e-mail's unsubscribe link: the token is the authority, no sign-in. A button posts it, so a
 * mail scanner that opens links does not unsubscribe anyone.
 */
export async function unsubscribeByTokenAction(_prev: unknown, form: unknown): Promise<Result> {
  try {
    const ctx = await actionContext();
    const fields = formOf(form);
    const { address } = await unsubscribeByToken(ctx, { token: formText(fields, "token", 200) });
    return {
      ok: true,
      data: { message: `Unsubscribed: ${address} gets no more e-mail from Standfast.` },
    };
  } catch (error) {
    return toActionResult(error);
  }
}
