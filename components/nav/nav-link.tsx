"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The pages each header link stands for: its own path, and the pages under it. */
function isCurrent(href: string, path: string, also: string[]): boolean {
  return [href, ...also].some((p) =>
    p === "/" ? path === "/" : path === p || path.startsWith(`${p}/`),
  );
}

/**
 * A header link that says when it is the page you are on (aria-current), shown by an underline
 * and weight as well as colour. Not prefetched: every page behind the header is made per request,
 * and on incident day each of a crowd's board loads would ask the server for all of them.
 */
export function NavLink({
  href,
  also = [],
  children,
}: {
  href: string;
  /** Other paths that belong to this link's section, such as a service's page to the board. */
  also?: string[];
  children: React.ReactNode;
}) {
  const current = isCurrent(href, usePathname(), also);
  return (
    <Link
      href={href}
      prefetch={false}
      aria-current={current ? "page" : undefined}
      className="inline-block py-1 text-sm text-zinc-700 decoration-2 underline-offset-[6px] hover:text-zinc-900 hover:underline aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 aria-[current=page]:underline dark:text-zinc-300 dark:hover:text-white dark:aria-[current=page]:text-white"
    >
      {children}
    </Link>
  );
}
