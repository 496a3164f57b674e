import Link from "next/link";
import { StateBadge } from "@/components/board/state-badge";
import type { Actor } from "@/lib/roles";
import type { ServiceState } from "@/lib/estate/types";
import { CHECKED_ITEMS, CHECKLIST, type RestoreView } from "@/lib/restores/restore-types";
import { CheckedItems } from "./checked-items";
import { Panel } from "../detail/panel";
import { Checklist } from "./checklist";
import { utcSeconds } from "../detail/format";
import { DeleteFailedForm, ResumeForm } from "./restore-actions";
import { OperatorOnly } from "./role-notice";

function TargetState({ restore }: { restore: RestoreView }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="target-state">
      <span>{restore.target} is now</span>
      {restore.targetState ? (
        <StateBadge state={restore.targetState as ServiceState} />
      ) : (
        <span className="font-medium">gone (never created, or deleted)</span>
      )}
    </p>
  );
}

/** What follows a finished restore: the checklist and Resume, or the failure and Delete. */
export function RestoreOutcome({
  restore,
  actor,
  canOperate,
}: {
  restore: RestoreView;
  actor: Actor;
  canOperate: boolean;
}) {
  const next = `/restores/${restore.id}`;
  if (restore.status === "failed")
    return (
      <Panel id="failure" title="The restore failed">
        <div className="space-y-3">
          <p
            role="alert"
            className="rounded-md border border-red-600/50 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-100"
          >
            <strong>Reason:</strong> {restore.error ?? "not recorded"}
          </p>
          <TargetState restore={restore} />
          {restore.targetState === "restore_failed" ? (
            <>
              <p className="text-sm">
                In restore_failed, the only thing allowed is deleting the service. Delete it, then
                restore again under the same name or another.
              </p>
              {canOperate ? (
                <DeleteFailedForm restoreId={restore.id} serviceId={restore.target} />
              ) : (
                <OperatorOnly actor={actor} what="Deleting the failed service" next={next} />
              )}
            </>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {restore.targetState
                ? `${restore.target} has changed since this restore failed; nothing of it is left to clean up here.`
                : `Nothing is left to clean up: the name ${restore.target} is free for another restore once the cause is fixed.`}
            </p>
          )}
        </div>
      </Panel>
    );
  if (restore.status !== "succeeded") return null;
  const open = CHECKLIST.filter((c) => !restore.checklist[c.id]).length;
  const blocking: string[] = CHECKED_ITEMS.filter((c) => c.blocksResume).map((c) => c.id);
  const unmet = restore.checks.filter((c) => blocking.includes(c.id) && !c.ok);
  const suspended = restore.targetState === "suspended";
  return (
    <Panel id="checklist" title="After the restore: the checklist, then resume">
      <div className="space-y-4">
        <TargetState restore={restore} />
        {restore.resumedAt ? (
          <p
            data-testid="resumed"
            className="rounded-md border border-green-700/40 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950/40 dark:text-green-100"
          >
            Resumed by {restore.resumedBy}, {utcSeconds(restore.resumedAt)}.{" "}
            <Link
              href={`/services/${encodeURIComponent(restore.target)}`}
              prefetch={false}
              className="underline"
            >
              Open {restore.target}
            </Link>
          </p>
        ) : null}
        <CheckedItems checks={restore.checks} />
        <Checklist
          restoreId={restore.id}
          state={restore.checklist}
          canTick={canOperate && !restore.resumedAt}
        />
        {!restore.resumedAt &&
          (canOperate ? (
            <ResumeForm
              restoreId={restore.id}
              target={restore.target}
              ready={open === 0 && unmet.length === 0 && suspended}
              why={
                !suspended
                  ? `${restore.target} is ${restore.targetState ?? "gone"}: only a suspended service can be resumed.`
                  : open
                    ? `Tick the ${open} remaining checklist item${open === 1 ? "" : "s"} first.`
                    : unmet.length
                      ? `Not yet true: ${unmet.map((c) => c.text).join("; ")}.`
                      : "Every item is done: resuming makes the service active."
              }
            />
          ) : (
            <OperatorOnly actor={actor} what="Ticking the checklist and resuming" next={next} />
          ))}
      </div>
    </Panel>
  );
}
