import Link from "next/link";
import type { Actor } from "@/lib/roles";

/** What a visitor without the operator role sees instead of a restore control. */
export function OperatorOnly({ actor, what, next }: { actor: Actor; what: string; next: string }) {
  return (
    <div
      data-testid="operator-only"
      className="rounded-md border border-zinc-300 bg-zinc-50 px-4 py-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="font-medium">{what} needs the operator role.</p>
      <p className="text-zinc-700 dark:text-zinc-300">
        {actor.kind === "anonymous" ? (
          <>
            You are not signed in.{" "}
            <Link
              href={`/sign-in?next=${encodeURIComponent(next)}`}
              prefetch={false}
              className="underline"
            >
              Sign in
            </Link>{" "}
            as an operator to go on.
          </>
        ) : (
          <>
            You are {actor.name}, with the {actor.role ?? "no"} role. Ask an administrator for the
            operator role.
          </>
        )}
      </p>
    </div>
  );
}
