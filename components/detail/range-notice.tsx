/** A bad ?range= is not an error page: the default range is shown, and this says why. */
export function RangeNotice({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-amber-500/60 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
    >
      {problem}
    </p>
  );
}
