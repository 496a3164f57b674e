export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading…</p>
      <div className="h-16 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-96 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
