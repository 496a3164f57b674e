import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { OidcButton, PasswordForm } from "@/components/auth/sign-in-form";
import { currentActor, oidcErrorMessage, safeNext, signInOptions } from "@/lib/auth";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(one(params.next));
  const actor = await currentActor();
  if (actor.kind === "user") redirect(next);
  const { oidcName, demo } = await signInOptions();
  const error = one(params.error);
  return (
    <div className="mx-auto grid max-w-3xl gap-8 py-6 md:grid-cols-[minmax(0,22rem)_1fr] md:items-start">
      <div className="space-y-5">
        <h1 className="text-2xl font-semibold">Sign in to Standfast</h1>
        {error && (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {oidcErrorMessage(error, oidcName ?? "single sign-on")}
          </p>
        )}
        {oidcName && (
          <>
            <OidcButton next={next} provider={oidcName} />
            <p className="flex items-center gap-3 text-xs text-zinc-500 uppercase before:h-px before:flex-1 before:bg-zinc-200 after:h-px after:flex-1 after:bg-zinc-200 dark:text-zinc-400 dark:before:bg-zinc-800 dark:after:bg-zinc-800">
              or with your e-mail address
            </p>
          </>
        )}
        <PasswordForm next={next} />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No account? Ask a Standfast admin to create one for you.
        </p>
      </div>
      {demo.length > 0 && <DemoAccounts accounts={demo} />}
    </div>
  );
}
