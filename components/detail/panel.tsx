/** A titled section of a detail page; each is its own Suspense boundary on the page. */
export function Panel({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function PanelSkeleton({ title, height = "h-40" }: { title: string; height?: string }) {
  return (
    <section
      aria-busy="true"
      className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      <p className="sr-only">Loading {title.toLowerCase()}…</p>
      <div className={`${height} animate-pulse rounded bg-zinc-100 dark:bg-zinc-900`} />
    </section>
  );
}
