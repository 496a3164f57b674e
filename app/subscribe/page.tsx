import type { Metadata } from "next";
import { connection } from "next/server";
import { requirePageRole } from "@/lib/auth/session";
import { getBoard } from "@/lib/health";
import { contextFor, getOwnSubscription, isEmailConfigured } from "@/lib/incidents/notify";
import { SelfSubscribeForm, UnsubscribeSelfForm } from "./self-forms";

export const metadata: Metadata = { title: "E-mail notifications" };

/** Anyone signed in subscribes their own address: it is the one they signed in with. */
export default async function SubscribePage() {
  await connection();
  const actor = await requirePageRole("viewer", "/subscribe");
  const ctx = await contextFor(actor);
  const [{ email, subscription }, board] = await Promise.all([
    getOwnSubscription(ctx),
    getBoard(ctx.db),
  ]);
  return (
    <div className="max-w-4xl space-y-5">
      <h1 className="text-2xl font-semibold">E-mail notifications</h1>
      {!isEmailConfigured() ? (
        <p className="text-sm">
          This server does not send e-mail: an admin sets STANDFAST_SMTP_URL and STANDFAST_SMTP_FROM
          first.
        </p>
      ) : !email ? (
        <p className="text-sm">Only a signed-in person has an address to subscribe.</p>
      ) : (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-300" data-self-status>
            {subscription ? (
              <>
                <span aria-hidden="true">✓ </span>Subscribed: e-mail goes to{" "}
                <strong>{email}</strong>. Every message has a link that stops them.
              </>
            ) : (
              <>
                Not subscribed. Subscribe <strong>{email}</strong> to hear of incidents and
                maintenance.
              </>
            )}
          </p>
          <SelfSubscribeForm services={board.services.map((s) => s.id)} current={subscription} />
          {subscription && <UnsubscribeSelfForm />}
        </>
      )}
    </div>
  );
}
