import Link from "next/link";

/** Where this page sits: the board, then the path down to it. The last entry is the page itself. */
export function Breadcrumbs({ trail }: { trail: { label: string; href?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-1.5">
        <li>
          <Link href="/" className="underline hover:text-zinc-900 dark:hover:text-white">
            Status board
          </Link>
        </li>
        {trail.map((t, i) => (
          <li key={i} className="flex items-center gap-1.5">
            <span aria-hidden="true">›</span>
            {t.href ? (
              <Link
                href={t.href}
                prefetch={false}
                className="underline hover:text-zinc-900 dark:hover:text-white"
              >
                {t.label}
              </Link>
            ) : (
              <span aria-current="page">{t.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
