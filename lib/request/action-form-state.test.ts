import { describe, expect, it } from "vitest";
import { withoutBoundFormState } from "./action-form-state";

async function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  const response = new Response(form);
  return {
    type: response.headers.get("content-type")!,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

const bound = (meta: object) =>
  [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", JSON.stringify(meta)],
    ["$ACTION_1:1", '["contoso-edi"]'],
    ["$ACTION_KEY", "k0123"],
    ["frequency", "1d"],
  ] as [string, string][];

describe("a form posted without JavaScript for an action with bound arguments", () => {
  it("loses its form-state key, and keeps everything else", async () => {
    const sent = await multipart(bound({ id: "abc", bound: "$@1" }));
    const rewritten = await withoutBoundFormState(sent.type, sent.body);
    expect(rewritten).not.toBeNull();
    const form = await new Response(new Uint8Array(rewritten!.body), {
      headers: { "content-type": rewritten!.type },
    }).formData();
    expect([...form.keys()]).toEqual(["$ACTION_REF_1", "$ACTION_1:0", "$ACTION_1:1", "frequency"]);
    expect(form.get("frequency")).toBe("1d");
  });

  it("is left alone when the action has no bound arguments, or the post is no such form", async () => {
    const unbound = await multipart(bound({ id: "abc", bound: null }));
    expect(await withoutBoundFormState(unbound.type, unbound.body)).toBeNull();
    const byId = await multipart([
      ["$ACTION_ID_abc", ""],
      ["$ACTION_KEY", "k1"],
    ]);
    expect(await withoutBoundFormState(byId.type, byId.body)).toBeNull();
    expect(await withoutBoundFormState("text/plain", Buffer.from("$ACTION_KEY"))).toBeNull();
    expect(
      await withoutBoundFormState("multipart/form-data; boundary=x", Buffer.from("$ACTION_KEY")),
    ).toBeNull();
  });
});
