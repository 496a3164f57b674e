"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** "Sign in", coming back to this page afterwards. */
export function SignInLink({ className }: { className: string }) {
  const path = usePathname();
  const query = useSearchParams().toString();
  const here = query ? `${path}?${query}` : path;
  const href = path.startsWith("/sign-in")
    ? "/sign-in"
    : `/sign-in?next=${encodeURIComponent(here)}`;
  return (
    <Link href={href} className={className}>
      Sign in
    </Link>
  );
}
