/**
 * A form posted without JavaScript carries `$ACTION_KEY` so the page can be rendered with the
 * action's result ("form state"). When the action has bound arguments and the page binds it in a
 * client component (`action.bind(null, id)` in render), React's server renderer suspends on the
 * binding anew at every retry: one such post (a real one, or forged) spins the whole server at
 * 100% CPU. Taking the key out keeps the action working: the page is rendered afresh, without the
 * result message, which a page with JavaScript shows anyway.
 */
export async function withoutBoundFormState(
  contentType: string,
  body: Buffer,
): Promise<{ type: string; body: Buffer } | null> {
  if (!contentType.startsWith("multipart/form-data") || !body.includes("$ACTION_KEY")) return null;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    return null;
  }
  if (!form.has("$ACTION_KEY") || !postsBoundAction(form)) return null;
  form.delete("$ACTION_KEY");
  const encoded = new Response(form);
  return {
    type: encoded.headers.get("content-type")!,
    body: Buffer.from(await encoded.arrayBuffer()),
  };
}

/** `$ACTION_REF_<n>` naming `$ACTION_<n>:0` = `{ id, bound }` with bound arguments. */
function postsBoundAction(form: FormData): boolean {
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const meta = form.get(`$ACTION_${key.slice(12)}:0`);
    try {
      if (typeof meta === "string" && (JSON.parse(meta) as { bound?: unknown }).bound !== null)
        return true;
    } catch {
      // Refused as malformed before it gets here.
    }
  }
  return false;
}
