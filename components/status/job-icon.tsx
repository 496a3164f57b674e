/**
 * The shapes of a job's state (a backup, a restore, a drill, one restore step): each state its own
 * shape, so none rests on colour; the word always goes beside it.
 */
export type Shape = { colour: string; body: React.ReactNode };
export type JobState = "waiting" | "queued" | "running" | "succeeded" | "failed";

export const stroke = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.7,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;
export const white = { ...stroke, stroke: "#fff", strokeWidth: 1.8 };

export const JOB_SHAPES: Record<JobState, Shape> = {
  waiting: {
    colour: "text-zinc-400 dark:text-zinc-500",
    body: <circle cx="8" cy="8" r="6" {...stroke} strokeDasharray="2.4 2" />,
  },
  queued: {
    colour: "text-zinc-500 dark:text-zinc-400",
    body: (
      <>
        <circle cx="8" cy="8" r="6.5" {...stroke} />
        <path d="M8 4.5V8l2.3 1.6" {...stroke} />
      </>
    ),
  },
  running: {
    colour: "text-blue-600 dark:text-blue-400",
    body: (
      <>
        <path d="M13.5 8A5.5 5.5 0 113 5.2" {...stroke} />
        <path d="M2.6 1.8v3.6h3.6" {...stroke} />
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

/** A shape as a decorative 16×16 icon. */
export function ShapeIcon({ shape, className = "size-4" }: { shape: Shape; className?: string }) {
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

/** A state's shape beside its word; `data-*` props name the state on the element (for tests). */
export function ShapeLabel({
  shape,
  label,
  className = "",
  iconClass = "size-4",
  ...data
}: {
  shape: Shape;
  label: string;
  className?: string;
  iconClass?: string;
} & { [attribute: `data-${string}`]: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} {...data}>
      <ShapeIcon shape={shape} className={iconClass} />
      <span>{label}</span>
    </span>
  );
}
