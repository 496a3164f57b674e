"use client";

import { useActionState } from "react";
import { oidcSignInAction, signInAction } from "@/components/auth/actions";
import type { SignInState } from "./sign-in-state";

const input =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 shadow-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 focus:outline-none aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const primary =
  "w-full rounded-md bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60";

function Problem({ id, state }: { id: string; state: SignInState }) {
  return (
    <div id={id} aria-live="polite" role="status">
      {state?.error && (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      )}
    </div>
  );
}

/** E-mail and password; errors from the server are announced where they appear. */
export function PasswordForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const fieldError = (name: string) => state?.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <Problem id="sign-in-problem" state={state} />
      <div>
        <label htmlFor="email" className="text-sm font-medium">
          E-mail address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state?.email ?? ""}
          aria-invalid={fieldError("email") ? true : undefined}
          aria-describedby={fieldError("email") ? "email-error" : undefined}
          className={input}
        />
        {fieldError("email") && (
          <p id="email-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {fieldError("email")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldError("password") ? true : undefined}
          aria-describedby={fieldError("password") ? "password-error" : undefined}
          className={input}
        />
        {fieldError("password") && (
          <p id="password-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {fieldError("password")}
          </p>
        )}
      </div>
      <button type="submit" className={primary} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

/** "Sign in with <provider>": off to the identity provider, and back. */
export function OidcButton({ next, provider }: { next: string; provider: string }) {
  const [state, action, pending] = useActionState(oidcSignInAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="next" value={next} />
      <Problem id="oidc-problem" state={state} />
      <button type="submit" className={primary} disabled={pending}>
        {pending ? `Going to ${provider}…` : `Sign in with ${provider}`}
      </button>
    </form>
  );
}
