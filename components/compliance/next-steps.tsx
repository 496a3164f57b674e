import Link from "next/link";
import type { Role } from "@/lib/roles";
import type { NextStep } from "@/lib/backups/compliance-types";
import { stepForViewer } from "@/lib/backups";

/** What fixes a failing rule: a link where the viewer's role allows it, else the role it needs. */
export function NextSteps({ steps, viewerRole }: { steps: NextStep[]; viewerRole: Role | null }) {
  if (steps.length === 0) return null;
  return (
    <div className="mt-1.5 print:hidden" data-testid="next-steps">
      <p className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">What fixes it</p>
      <ul className="mt-0.5 space-y-1 text-sm">
        {steps.map((step) => {
          const shown = stepForViewer(step, viewerRole);
          return (
            <li key={step.action} data-step={step.action} className="flex flex-wrap gap-x-1.5">
              <span aria-hidden="true">→</span>
              {shown.kind === "link" ? (
                <Link
                  href={shown.href}
                  prefetch={false}
                  className="font-medium text-blue-700 underline dark:text-blue-400"
                >
                  {step.label}
                </Link>
              ) : (
                <span className="font-medium">{step.label}</span>
              )}
              {shown.kind === "needs-role" && (
                <span className="text-zinc-600 dark:text-zinc-400" data-testid="needs-role">
                  (needs the {shown.role} role)
                </span>
              )}
              {shown.kind === "note" && shown.text && (
                <span className="basis-full pl-4 text-xs text-zinc-600 dark:text-zinc-400">
                  {shown.text}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
