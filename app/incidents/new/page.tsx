import type { Metadata } from "next";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/detail/breadcrumbs";
import { Panel } from "@/components/detail/panel";
import { NewIncidentForm } from "@/components/incidents/forms/new-incident-form";
import { componentOptions } from "@/components/incidents/options";
import { requirePageRole } from "@/lib/auth/session";
import { getBoard } from "@/lib/health";

export const metadata: Metadata = { title: "Open an incident" };

export default async function NewIncidentPage() {
  await connection();
  await requirePageRole("operator", "/incidents/new");
  const board = await getBoard();
  return (
    <div className="space-y-4">
      <Breadcrumbs
        trail={[{ label: "Incident history", href: "/history" }, { label: "Open an incident" }]}
      />
      <h1 className="text-2xl font-semibold">Open an incident</h1>
      <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Standfast opens incidents by itself when components fail; open one by hand for what it
        cannot see, such as a partner who cannot connect. It shows on the board, in the API and in
        the feeds at once.
      </p>
      <Panel id="incident" title="The incident">
        <NewIncidentForm options={componentOptions(board)} />
      </Panel>
    </div>
  );
}
