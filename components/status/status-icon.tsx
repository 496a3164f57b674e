import { STATUS_LABEL, type Status } from "@/lib/status/vocabulary";

/**
 * The status's own shape, in its colour. Decorative: a text label always goes with it. `none` is
 * the neutral mark for nothing to judge (a region with nothing monitored); `paused`, for a service
 * that is not serving, whose role instances make no health claim.
 */
export function StatusIcon({
  status,
  className = "size-4",
}: {
  status: Status | "none" | "paused";
  className?: string;
}) {
  return (
    <svg className={`st-${status} shrink-0 ${className}`} aria-hidden="true" focusable="false">
      <use href={`#s-${status}`} />
    </svg>
  );
}

export function StatusLabel({ status, className = "" }: { status: Status; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`}>
      <StatusIcon status={status} />
      <span>{STATUS_LABEL[status]}</span>
    </span>
  );
}
