import type { Metadata } from "next";
import { DisableControl, RoleControl } from "@/components/admin/user-controls";
import { listUsers, oidcName, pageContext } from "@/lib/auth";
import { AdminNav } from "@/components/nav/admin-nav";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const ctx = await pageContext("admin", "/admin/users");
  const { actor } = ctx;
  const users = await listUsers(ctx);
  const provider = oidcName() ?? "single sign-on";
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Users</h1>
        <AdminNav />
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-300">
          Viewers see the board, backups and compliance; operators also take backups and run
          restores; admins manage users, settings and management operations. People who sign in with{" "}
          {provider} get their role from it. A disabled user is signed out at once.
        </p>
      </div>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {users.map((u) => (
          <li
            key={u.id}
            data-user={u.email}
            className="grid gap-3 p-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,2fr)_minmax(0,1fr)] md:items-start"
          >
            <div className="min-w-0">
              <p className="truncate font-medium">
                {u.name}
                {u.id === actor.id && (
                  <span className="font-normal text-zinc-600 dark:text-zinc-400"> (you)</span>
                )}
              </p>
              <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{u.email}</p>
            </div>
            <p className="text-sm">
              <span className="text-zinc-600 md:sr-only dark:text-zinc-400">Signs in with </span>
              {u.roleSource === "oidc" ? provider : "Password"}
            </p>
            <div>
              {u.roleSource === "oidc" ? (
                <p className="text-sm">
                  <span className="font-medium">{u.role ?? "no role"}</span>
                  <span className="text-zinc-600 dark:text-zinc-400"> (from {provider})</span>
                </p>
              ) : (
                <RoleControl userId={u.id} role={u.role} label={u.email} />
              )}
            </div>
            <div className="flex flex-wrap items-start gap-3">
              <p className="pt-1.5 text-sm" data-status>
                {u.disabled ? (
                  <span className="font-medium text-red-700 dark:text-red-300">Disabled</span>
                ) : (
                  "Active"
                )}
              </p>
              <DisableControl userId={u.id} disabled={u.disabled} label={u.email} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
