import Link from "next/link";
import type { ServiceView } from "@/lib/health/history-types";
import { StatusIcon } from "../status/status-icon";
import { STATUS_LABEL } from "@/lib/status/vocabulary";
import { whenWithAge } from "./format";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6rem_1fr] gap-x-3 py-1">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** Edition, units, region and lifecycle state of a service. */
export function ServiceFacts({ view }: { view: ServiceView }) {
  const s = view.service;
  const roles = view.components.find((c) => c.role === "roles");
  return (
    <dl className="text-sm">
      <Row term="Edition">
        {s.edition}
        {s.edition === "developer" && " (one role instance, no SLA)"}
      </Row>
      <Row term="Units">{s.units}</Row>
      {roles?.instances && (
        <Row term="Instances">
          {roles.serviceState
            ? `${roles.instances.total}, not serving while ${s.state.replace(/_/g, " ")}`
            : `${roles.instances.up} of ${roles.instances.total} up`}
        </Row>
      )}
      <Row term="Region">{view.regionName}</Row>
      <Row term="State">
        {s.state.replace(/_/g, " ")}, since {whenWithAge(s.stateChangedAt, view.generatedAt)}
      </Row>
    </dl>
  );
}

/** The failing dependencies that degrade the service, in words and links. */
export function ImpactedBy({ view }: { view: ServiceView }) {
  if (view.impactedBy.length === 0) return null;
  return (
    <section
      aria-label="Impacted by"
      className="rounded-md border border-zinc-300 px-4 py-2 text-sm dark:border-zinc-700"
    >
      <span className="font-semibold">Impacted by </span>
      {view.impactedBy.map((d, i) => (
        <span key={d.id} className="inline-flex items-center gap-1">
          {i > 0 && ", "}
          <Link
            href={`/components/${encodeURIComponent(d.id)}`}
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-400"
          >
            {d.name}
          </Link>
          <StatusIcon status={d.status} className="size-3.5" />
          {STATUS_LABEL[d.status]}
        </span>
      ))}
    </section>
  );
}
