import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { requirePageRole } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getBoard } from "@/lib/health";
import {
  contextFor,
  EVENT_KIND_LABEL,
  isEmailConfigured,
  listDeliveries,
  listSubscriptions,
  SUBSCRIPTION_KIND_LABEL,
  type SubscriptionView,
} from "@/lib/incidents/notify";
import { CreateSubscriptionForm } from "./create-form";
import { DeliveryLog, DeliveryStatusText, type LogFilter } from "./delivery-log";
import { SubscriptionControls } from "./row-controls";
import { AdminNav } from "@/components/nav/admin-nav";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

function Filters({ s }: { s: SubscriptionView }) {
  const parts = [
    s.events.map((e) => EVENT_KIND_LABEL[e]).join(", "),
    s.serviceIds.length ? `services ${s.serviceIds.join(", ")}` : "all services",
    s.componentIds.length ? `components ${s.componentIds.join(", ")}` : null,
    s.minImpact !== "none" ? `impact ${s.minImpact} and up` : null,
  ].filter(Boolean);
  return <p className="text-xs text-zinc-600 dark:text-zinc-400">{parts.join(" · ")}</p>;
}

/** Admins subscribe webhooks, Slack, Teams and e-mail, send tests, and read the delivery log. */
export default async function NotificationsPage({ searchParams }: Props) {
  await connection();
  const actor = await requirePageRole("admin", "/admin/notifications");
  const ctx = await contextFor(actor);
  const raw = await searchParams;
  const filter: LogFilter = {
    subscription: one(raw.subscription),
    status: one(raw.status),
    page: Number(one(raw.page) ?? 1),
  };
  const [subscriptions, board] = await Promise.all([listSubscriptions(ctx), getBoard(ctx.db)]);
  let log: Awaited<ReturnType<typeof listDeliveries>> | null = null;
  let problem: string | null = null;
  try {
    log = await listDeliveries(ctx, {
      subscription: filter.subscription,
      status: filter.status,
      page: one(raw.page),
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problem = error.message;
  }
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Breadcrumbs trail={[{ label: "Notifications" }]} />
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <AdminNav />
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-300">
          Incidents, maintenance and (if chosen) component status changes are sent to these
          receivers. Each message is sent at most once per subscription; a receiver that fails is
          retried with growing pauses, then marked failed in the delivery log. Webhook URLs and
          secrets are not shown again after they are saved. Anyone signed in can subscribe their own
          e-mail address at{" "}
          <Link className="underline" href="/subscribe">
            /subscribe
          </Link>
          .
        </p>
      </div>
      <section aria-labelledby="subscriptions" className="space-y-3">
        <h2 id="subscriptions" className="text-lg font-semibold">
          Subscriptions
        </h2>
        {subscriptions.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No subscriptions yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {subscriptions.map((s) => (
              <li
                key={s.id}
                data-subscription={s.name}
                className="grid gap-3 p-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,2fr)]"
              >
                <div className="min-w-0">
                  <p className="font-medium break-words">{s.name}</p>
                  <p className="text-sm break-words">
                    {SUBSCRIPTION_KIND_LABEL[s.kind]} · {s.targetLabel}
                    {s.signed && " · signed"}
                    {s.self && " · self-subscribed"}
                  </p>
                  <Filters s={s} />
                </div>
                <div className="text-sm">
                  <span className="text-zinc-600 dark:text-zinc-400">Last delivery: </span>
                  {s.lastDelivery ? (
                    <DeliveryStatusText status={s.lastDelivery.status} />
                  ) : (
                    "none yet"
                  )}
                </div>
                <SubscriptionControls id={s.id} name={s.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <CreateSubscriptionForm
          services={board.services.map((s) => s.id)}
          emailReady={isEmailConfigured()}
        />
      </section>
      <DeliveryLog result={log} problem={problem} filter={filter} subscriptions={subscriptions} />
    </div>
  );
}
