import type { RestoreStatus } from "@/lib/restores/restore-types";
import { JOB_SHAPES, ShapeIcon, ShapeLabel } from "../status/job-icon";

export const RESTORE_STATUS_LABEL: Record<RestoreStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
};

/** A restore's (or one step's) state as a shape; decorative, a word always goes with it. */
export function RestoreIcon({
  status,
  className = "size-4",
}: {
  status: RestoreStatus | "waiting";
  className?: string;
}) {
  return <ShapeIcon shape={JOB_SHAPES[status]} className={className} />;
}

export function RestoreStatusLabel({
  status,
  className,
  iconClass,
}: {
  status: RestoreStatus;
  className?: string;
  iconClass?: string;
}) {
  return (
    <ShapeLabel
      shape={JOB_SHAPES[status]}
      label={RESTORE_STATUS_LABEL[status]}
      className={className}
      iconClass={iconClass}
      data-restore-status={status}
    />
  );
}
