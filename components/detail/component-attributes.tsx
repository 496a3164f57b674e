import { GEO_REPLICATED, KIND_LABEL } from "@/lib/estate/types";
import type { ComponentView } from "@/lib/health/history-types";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { formatAge } from "@/lib/time";
import { StatusIcon } from "../status/status-icon";
import { whenWithAge } from "./format";

const CONTINUITY_TEXT: Record<string, string> = {
  "geo-replication": "geo-replication (RPO about 5 s)",
  "failover-group": "failover group (RPO about 5 s)",
  "geo-restore": "geo-restore only (RTO about 12 h, RPO about 1 h)",
  none: "none: point-in-time restore in the same region only",
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 py-1">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** What the component is and how it is protected: kind, region, instances, replication, continuity. */
export function ComponentAttributes({ view }: { view: ComponentView }) {
  const c = view.component;
  const a = c.attributes;
  return (
    <dl className="text-sm">
      <Row term="Kind">{KIND_LABEL[c.kind]}</Row>
      <Row term="Region">{view.regionName}</Row>
      {a.replication && (
        <Row term="Replication">
          {a.replication}{" "}
          {GEO_REPLICATED.includes(a.replication)
            ? "(geo-replicated)"
            : "(not geo-replicated: a regional outage loses the data's only copies)"}
        </Row>
      )}
      {a.replication && <Row term="Secondary region">{view.secondaryRegionName ?? "none"}</Row>}
      {c.kind === "tracking-database" && (
        <Row term="Continuity">{CONTINUITY_TEXT[a.continuity ?? "none"] ?? a.continuity}</Row>
      )}
      <Row term="Checked">
        every {formatAge(c.intervalMs)}; unknown after {formatAge(c.staleAfterMs)} without a reading
        {c.latencyMs !== null && !c.stale && `; last latency ${c.latencyMs} ms`}
      </Row>
      {c.kind === "role-instances" && (
        <Row term="Instances">
          {view.instances === null ? (
            c.instances ? (
              `${c.instances.up} of ${c.instances.total} up`
            ) : (
              `${a.instances ?? "?"} configured; no per-instance reading yet`
            )
          ) : (
            <>
              <p>
                {c.stale
                  ? `${view.instances.length} configured; states unknown (stale)`
                  : `${c.instances?.up ?? "?"} of ${c.instances?.total ?? view.instances.length} up`}
                {view.instancesReportedAt &&
                  `, as reported ${whenWithAge(view.instancesReportedAt, view.generatedAt)}`}
              </p>
              <ul className="mt-1 space-y-0.5">
                {view.instances.map((i) => (
                  <li key={i.name} className="flex flex-wrap items-center gap-x-1.5">
                    <StatusIcon status={i.status} className="size-3.5" />
                    <span className="font-mono text-xs">{i.name}</span>
                    <span>{STATUS_LABEL[i.status]}</span>
                    {i.reason && (
                      <span className="text-zinc-600 dark:text-zinc-400">· {i.reason}</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Row>
      )}
    </dl>
  );
}
