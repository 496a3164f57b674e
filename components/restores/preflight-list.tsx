import type { PreflightCheck } from "@/lib/restores/restore-types";

const PASS = (
  <svg
    viewBox="0 0 16 16"
    className="mt-0.5 size-4 shrink-0 text-green-700 dark:text-green-400"
    aria-hidden="true"
  >
    <circle cx="8" cy="8" r="7" fill="currentColor" />
    <path
      d="M4.5 8.2l2.3 2.3 4.7-4.9"
      fill="none"
      stroke="#fff"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);
const FAIL = (
  <svg
    viewBox="0 0 16 16"
    className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400"
    aria-hidden="true"
  >
    <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
    <path
      d="M5.5 5.5l5 5m0-5l-5 5"
      fill="none"
      stroke="#fff"
      strokeWidth="1.8"
      strokeLinecap="round"
    />
  </svg>
);

/** Every pre-flight check with its verdict as a shape and a word, and its detail. */
export function PreflightList({ checks, stale }: { checks: PreflightCheck[]; stale: boolean }) {
  return (
    <ul
      aria-label="Pre-flight checks"
      data-testid="preflight"
      className={`divide-y divide-zinc-200 rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800 ${stale ? "opacity-60" : ""}`}
    >
      {checks.map((c) => (
        <li key={c.id} data-check={c.id} data-ok={c.ok} className="flex gap-2 px-3 py-2">
          {c.ok ? PASS : FAIL}
          <div className="min-w-0">
            <p>
              <span className="font-medium">{c.title}</span>{" "}
              <span
                className={
                  c.ok
                    ? "font-semibold text-green-800 dark:text-green-300"
                    : "font-semibold text-red-800 dark:text-red-300"
                }
              >
                {c.ok ? "Pass" : "Fail"}
              </span>
            </p>
            <p className="break-words text-zinc-600 dark:text-zinc-400">{c.detail}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
