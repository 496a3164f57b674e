"use server";

import { redirect } from "next/navigation";
import { actionActor, passwordSignIn, safeNext, signOutHere, startOidcSignIn } from "@/lib/auth";
import { toActionResult } from "@/lib/http";
import type { SignInState } from "@/components/auth/sign-in-state";

const refusal = (error: unknown) => {
  const result = toActionResult(error);
  return { ok: false as const, error: result.ok ? "Refused." : result.error };
};

/** E-mail and password sign-in; on success, on to `next`. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const next = safeNext(String(form.get("next") ?? "/"));
  try {
    await actionActor();
  } catch (error) {
    return { ...refusal(error), email };
  }
  const fieldErrors: Record<string, string[]> = {};
  if (!email) fieldErrors.email = ["Enter your e-mail address."];
  if (!password) fieldErrors.password = ["Enter your password."];
  if (Object.keys(fieldErrors).length)
    return { ok: false, error: "Enter your e-mail address and password.", fieldErrors, email };
  const outcome = await passwordSignIn(email, password);
  if (!outcome.ok) return { ok: false, error: outcome.error, email };
  redirect(next);
}

/** Sends the browser to the identity provider's sign-in page. */
export async function oidcSignInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await actionActor();
  } catch (error) {
    return refusal(error);
  }
  const outcome = await startOidcSignIn(String(form.get("next") ?? "/"));
  if (!outcome.ok || !outcome.url) return { ok: false, error: outcome.ok ? "" : outcome.error };
  redirect(outcome.url);
}

/** Ends this browser's session, then back to the board. */
export async function signOutAction(): Promise<void> {
  await actionActor();
  await signOutHere();
  redirect("/");
}
