import type { RestoreStatus } from "@/lib/restores/restore-types";

export const RESTORE_STATUS_LABEL: Record<RestoreStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
};

const line = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.7,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;
const white = { ...line, stroke: "#fff", strokeWidth: 1.8 };

// Each status has its own shape, so none rests on colour; the word always goes beside it.
const SHAPES: Record<RestoreStatus | "waiting", { colour: string; body: React.ReactNode }> = {
  waiting: {
    colour: "text-zinc-400 dark:text-zinc-500",
    body: <circle cx="8" cy="8" r="6" {...line} strokeDasharray="2.4 2" />,
  },
  queued: {
    colour: "text-zinc-500 dark:text-zinc-400",
    body: (
      <>
        <circle cx="8" cy="8" r="6.5" {...line} />
        <path d="M8 4.5V8l2.3 1.6" {...line} />
      </>
    ),
  },
  running: {
    colour: "text-blue-600 dark:text-blue-400",
    body: (
      <>
        <path d="M13.5 8A5.5 5.5 0 113 5.2" {...line} />
        <path d="M2.6 1.8v3.6h3.6" {...line} />
      </>
    ),
  },
  succeeded: {
    colour: "text-green-700 dark:text-green-400",
    body: (
      <>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M4.5 8.2l2.3 2.3 4.7-4.9" {...white} />
      </>
    ),
  },
  failed: {
    colour: "text-red-600 dark:text-red-400",
    body: (
      <>
        <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
        <path d="M5.5 5.5l5 5m0-5l-5 5" {...white} />
      </>
    ),
  },
};

/** A restore's (or one step's) state as a shape; decorative, a word always goes with it. */
export function RestoreIcon({
  status,
  className = "size-4",
}: {
  status: RestoreStatus | "waiting";
  className?: string;
}) {
  const shape = SHAPES[status];
  return (
    <svg
      viewBox="0 0 16 16"
      className={`shrink-0 ${shape.colour} ${className}`}
      aria-hidden="true"
      focusable="false"
    >
      {shape.body}
    </svg>
  );
}

export function RestoreStatusLabel({
  status,
  className = "",
  iconClass,
}: {
  status: RestoreStatus;
  className?: string;
  iconClass?: string;
}) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} data-restore-status={status}>
      <RestoreIcon status={status} className={iconClass} />
      <span>{RESTORE_STATUS_LABEL[status]}</span>
    </span>
  );
}
