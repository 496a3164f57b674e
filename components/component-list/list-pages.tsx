import Link from "next/link";

/** Previous and next pages of the list, keeping its filters. */
export function ListPages({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const link = "text-blue-700 underline underline-offset-2 dark:text-blue-400";
  return (
    <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} prefetch={false} className={link}>
          ← Page {page - 1}
        </Link>
      ) : null}
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} prefetch={false} className={link}>
          Page {page + 1} →
        </Link>
      ) : null}
    </nav>
  );
}
