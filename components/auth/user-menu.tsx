import Link from "next/link";
import { Suspense } from "react";
import { signOutAction } from "@/components/auth/actions";
import { currentActor, hasRole } from "@/lib/auth";
import { NavLink } from "@/components/nav/nav-link";
import { SignInLink } from "./sign-in-link";

const link = "text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white";

/** The header's right side: who is signed in, in which role, and Sign out; or a Sign in link. */
export async function UserMenu() {
  const actor = await currentActor();
  if (actor.kind !== "user")
    return (
      <div className="ml-auto">
        <Suspense
          fallback={
            <Link href="/sign-in" className={link}>
              Sign in
            </Link>
          }
        >
          <SignInLink className={link} />
        </Suspense>
      </div>
    );
  return (
    <div className="ml-auto flex min-w-0 items-center gap-3 sm:gap-4">
      {hasRole(actor, "admin") && (
        <NavLink href="/admin/users" also={["/admin"]}>
          Users
        </NavLink>
      )}
      <p className="flex min-w-0 items-center gap-2 text-sm" data-testid="signed-in-user">
        <span className="sr-only">Signed in as</span>
        <span className="hidden max-w-48 truncate font-medium sm:inline">{actor.name}</span>
        <span
          className="rounded border border-zinc-300 px-1.5 py-px text-[11px] font-medium tracking-wide uppercase dark:border-zinc-700"
          data-testid="signed-in-role"
        >
          {actor.role}
        </span>
      </p>
      <form action={signOutAction}>
        <button type="submit" className={`${link} underline-offset-2 hover:underline`}>
          Sign out
        </button>
      </form>
    </div>
  );
}
