"use server";

import { redirect } from "next/navigation";
import { actionActor, passwordSignIn, safeNext, signOutHere, startOidcSignIn } from "@/lib/auth";
import { isDomainError, isStoreUnreachable } from "@/lib/errors";
import { formOf, formText, toActionResult } from "@/lib/http";
import type { SignInState } from "@/components/auth/sign-in-state";

// Arguments are typed unknown: Next passes whatever the client posted.

const refusal = (error: unknown) => {
  const result = toActionResult(error);
  return { ok: false as const, error: result.ok ? "Refused." : result.error };
};

/** E-mail and password sign-in; on success, on to `next`. */
export async function signInAction(_prev: unknown, form: unknown): Promise<SignInState> {
  let fields: { email: string; password: string; next: string };
  try {
    await actionActor();
    const sent = formOf(form);
    fields = {
      email: formText(sent, "email", 500),
      password: String(sent.get("password") ?? ""),
      next: safeNext(formText(sent, "next", 2_000) || "/"),
    };
  } catch (error) {
    return refusal(error);
  }
  const { email, password, next } = fields;
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
export async function oidcSignInAction(_prev: unknown, form: unknown): Promise<SignInState> {
  let next: string;
  try {
    await actionActor();
    next = formText(formOf(form), "next", 2_000) || "/";
  } catch (error) {
    return refusal(error);
  }
  const outcome = await startOidcSignIn(next);
  if (!outcome.ok || !outcome.url) return { ok: false, error: outcome.ok ? "" : outcome.error };
  redirect(outcome.url);
}

/**
 * Ends this browser's session, then back to the board. A request from another site is refused by
 * doing nothing, as is one while the store is unreachable (there is no session to end then).
 */
export async function signOutAction(): Promise<void> {
  try {
    await actionActor();
  } catch (error) {
    if (isDomainError(error) || isStoreUnreachable(error)) return;
    throw error;
  }
  await signOutHere();
  redirect("/");
}
