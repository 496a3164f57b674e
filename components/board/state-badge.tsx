import type { ServiceState } from "@/lib/estate/types";

const TONE: Partial<Record<ServiceState, string>> = {
  active: "border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300",
  updating: "border-blue-300 text-blue-800 dark:border-blue-800 dark:text-blue-300",
  suspended: "border-amber-400 text-amber-800 dark:border-amber-700 dark:text-amber-300",
  stopped: "border-zinc-400 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300",
};

/** The service's lifecycle state, in words. */
export function StateBadge({ state }: { state: ServiceState }) {
  const tone = TONE[state] ?? "border-red-400 text-red-800 dark:border-red-700 dark:text-red-300";
  return (
    <span
      className={`rounded border px-1.5 py-px text-[11px] font-medium tracking-wide uppercase ${tone}`}
      title="Service state"
    >
      {state.replace(/_/g, " ")}
    </span>
  );
}
