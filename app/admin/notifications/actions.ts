"use server";

import { revalidatePath } from "next/cache";
import { formList } from "@/app/subscribe/form-list";
import { actionContext } from "@/lib/auth";
import { formOf, formText, toActionResult, type ActionResult } from "@/lib/http";
import { createSubscription, deleteSubscription, sendTest } from "@/lib/incidents/notify";

type Result<T> = (ActionResult<T> & { values?: Record<string, string> }) | null;

/** "a, b c" → ["a", "b", "c"]: component ids typed into one field. */
const splitIds = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Subscribes a receiver; authorized (admin) inside createSubscription. A webhook's secret is in the result, once. */
export async function createSubscriptionAction(
  _prev: unknown,
  form: unknown,
): Promise<Result<{ message: string; secret: string | null }>> {
  let values: Record<string, string> | undefined;
  try {
    const ctx = await actionContext();
    const fields = formOf(form);
    const shown = {
      kind: formText(fields, "kind", 20),
      name: formText(fields, "name", 200),
      components: formText(fields, "components", 20_000),
      minImpact: formText(fields, "minImpact", 20),
    };
    values = shown;
    const input = {
      kind: shown.kind,
      name: shown.name,
      target: formText(fields, "target", 4_000),
      services: formList(fields, "services"),
      components: splitIds(shown.components),
      minImpact: shown.minImpact || undefined,
      events: formList(fields, "events"),
    };
    const { subscription, secret } = await createSubscription(ctx, input);
    revalidatePath("/admin/notifications");
    return {
      ok: true,
      data: { message: `Subscribed "${subscription.name}" (${subscription.targetLabel}).`, secret },
    };
  } catch (error) {
    // The target (a URL with its token, or an address) is not sent back: it is typed again.
    return { ...toActionResult(error), values };
  }
}

/** Stops a subscription; authorized inside deleteSubscription. */
export async function deleteSubscriptionAction(
  _prev: unknown,
  form: unknown,
): Promise<Result<{ message: string }>> {
  try {
    const ctx = await actionContext();
    const fields = formOf(form);
    await deleteSubscription(ctx, { id: formText(fields, "id", 200) });
    revalidatePath("/admin/notifications");
    return { ok: true, data: { message: "Deleted; what it had waiting is cancelled." } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Sends a test message now and says what the receiver answered; authorized inside sendTest. */
export async function testSubscriptionAction(
  _prev: unknown,
  form: unknown,
): Promise<Result<{ message: string; delivered: boolean }>> {
  try {
    const ctx = await actionContext();
    const fields = formOf(form);
    const outcome = await sendTest(ctx, { id: formText(fields, "id", 200) });
    revalidatePath("/admin/notifications");
    const delivered = outcome.status === "delivered";
    return {
      ok: true,
      data: {
        delivered,
        message: delivered
          ? "Test delivered."
          : `Test not delivered: ${outcome.error ?? outcome.status}. A test is not retried; it is in the delivery log.`,
      },
    };
  } catch (error) {
    return toActionResult(error);
  }
}
