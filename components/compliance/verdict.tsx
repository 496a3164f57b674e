import type { Verdict } from "@/lib/backups/compliance-types";

export const VERDICT_LABEL: Record<Verdict, string> = {
  pass: "Pass",
  fail: "Fail",
  not_applicable: "Not applicable",
};

const COLOUR: Record<Verdict, string> = {
  pass: "text-green-700 dark:text-green-400 print:text-black",
  fail: "text-red-600 dark:text-red-400 print:text-black",
  not_applicable: "text-zinc-500 dark:text-zinc-400 print:text-black",
};

/** Pass, fail or not applicable: a shape of its own and the word, so it prints and reads without colour. */
export function VerdictIcon({
  verdict,
  className = "size-4",
}: {
  verdict: Verdict;
  className?: string;
}) {
  return (
    <svg
      viewBox="0 0 16 16"
      className={`shrink-0 ${COLOUR[verdict]} ${className}`}
      aria-hidden="true"
      focusable="false"
    >
      {verdict === "pass" && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path
            d="M4.5 8.2l2.3 2.3 4.7-4.9"
            fill="none"
            stroke="#fff"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      )}
      {verdict === "fail" && (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
          <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {verdict === "not_applicable" && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M5 8h6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}

export function VerdictLabel({
  verdict,
  className = "",
  iconClass,
}: {
  verdict: Verdict;
  className?: string;
  iconClass?: string;
}) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} data-verdict={verdict}>
      <VerdictIcon verdict={verdict} className={iconClass} />
      <span>{VERDICT_LABEL[verdict]}</span>
    </span>
  );
}
