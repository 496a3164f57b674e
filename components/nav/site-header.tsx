import Link from "next/link";
import { Suspense } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import { currentActor } from "@/lib/auth";
import { NavLink } from "./nav-link";

/**
 * The header on every page. On a phone the brand and who is signed in share the first row and the
 * page links get a row of their own, so none of them (the status board first) is hidden or cut off.
 */
export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 print:hidden dark:border-zinc-800">
      <div className="mx-auto grid max-w-7xl grid-cols-[auto_minmax(0,1fr)] items-center gap-x-4 gap-y-1 px-4 py-2 whitespace-nowrap sm:flex sm:gap-x-6 sm:py-3">
        <Link
          href="/"
          prefetch={false}
          className="flex items-center gap-2 py-1 font-semibold tracking-tight"
        >
          <svg
            viewBox="0 0 24 24"
            className="size-6 text-blue-600 dark:text-blue-400"
            aria-hidden="true"
          >
            <path d="M12 2l8 4v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10V6z" fill="currentColor" />
            <path
              d="M8 12.5l2.6 2.6L16 9.5"
              fill="none"
              stroke="#fff"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          Standfast
        </Link>
        <nav aria-label="Main" className="col-span-2 row-start-2">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-1 sm:gap-x-6">
            <li>
              <NavLink href="/" also={["/services", "/components"]}>
                Status board
              </NavLink>
            </li>
            <li>
              <NavLink href="/backups">Backups</NavLink>
            </li>
            <li>
              <NavLink href="/compliance">Compliance</NavLink>
            </li>
            <li>
              <NavLink href="/restores">Restores</NavLink>
            </li>
            <li>
              <NavLink href="/history" also={["/incidents", "/maintenance"]}>
                History
              </NavLink>
            </li>
            <Suspense fallback={null}>
              <SubscribeItem />
            </Suspense>
          </ul>
        </nav>
        <UserMenu />
      </div>
    </header>
  );
}

/** Signed-in people can have incidents e-mailed to them; the link is theirs alone. */
async function SubscribeItem() {
  const actor = await currentActor();
  if (actor.kind !== "user") return null;
  return (
    <li>
      <NavLink href="/subscribe">Subscribe</NavLink>
    </li>
  );
}
