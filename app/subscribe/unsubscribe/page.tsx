import type { Metadata } from "next";
import { connection } from "next/server";
import { unsubscribeTargetOf } from "@/lib/incidents/notify";
import { UnsubscribeByTokenForm } from "../self-forms";

export const metadata: Metadata = { title: "Unsubscribe" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where every e-mail's link leads: no sign-in, the token says which subscription. */
export default async function UnsubscribePage({ searchParams }: Props) {
  await connection();
  const { token } = await searchParams;
  const target = typeof token === "string" ? await unsubscribeTargetOf(token) : null;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Unsubscribe</h1>
      {target && typeof token === "string" ? (
        <>
          <p className="text-sm">
            Stop Standfast&apos;s e-mail to <strong>{target}</strong>?
          </p>
          <UnsubscribeByTokenForm token={token} />
        </>
      ) : (
        <p className="text-sm" role="status">
          This link does not name a subscription: it was stopped already, or the link is not whole.
          Nothing was changed.
        </p>
      )}
    </div>
  );
}
