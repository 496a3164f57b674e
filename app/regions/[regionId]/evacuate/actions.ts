"use server";
import { revalidatePath } from "next/cache";
import { actionContext } from "@/lib/auth/session";
import { formOf, formText, idArgument, toActionResult, type ActionResult } from "@/lib/http";
import { startEvacuation, type EvacuationOutcome } from "@/lib/restores";

export type EvacuateState = ActionResult<EvacuationOutcome[]> | null;

const MAX_ROWS = 500;

/**
 * The form's rows as the verb takes them: each included service with its backup, target name,
 * region, tracking database and storage (fields named `<field>.<service>`).
 */
function rowsOf(form: FormData) {
  const services = form.getAll("service").slice(0, MAX_ROWS + 1);
  return services.flatMap((value) => {
    const id = typeof value === "string" ? value : "";
    if (formText(form, `include.${id}`) !== "on") return [];
    return [
      {
        serviceId: id,
        backupId: formText(form, `backup.${id}`),
        target: formText(form, `target.${id}`),
        region: formText(form, `region.${id}`),
        trackingDatabase: formText(form, `tracking.${id}`),
        storage: formText(form, `storage.${id}`),
      },
    ];
  });
}

/** Starts the evacuation of the bound region: one restore per included row. Operator. */
export async function startEvacuationAction(
  regionId: unknown,
  _prev: unknown,
  form: unknown,
): Promise<EvacuateState> {
  let region: string;
  try {
    const ctx = await actionContext();
    region = idArgument(regionId, "regionId");
    const data = formOf(form);
    const outcomes = await startEvacuation(ctx, region, {
      confirm: formText(data, "confirm"),
      rows: rowsOf(data),
    });
    revalidatePath(`/regions/${encodeURIComponent(region)}/evacuate`);
    revalidatePath("/restores");
    return { ok: true, data: outcomes };
  } catch (error) {
    return toActionResult(error);
  }
}
