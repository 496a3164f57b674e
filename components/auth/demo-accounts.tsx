import type { Role } from "@/lib/roles";

type Account = { role: Role; email: string; password: string };

/** The demo estate's users, one per role: shown only while the demo estate is loaded. */
export function DemoAccounts({ accounts }: { accounts: readonly Account[] }) {
  return (
    <section
      aria-labelledby="demo-accounts"
      className="rounded-lg border border-violet-300 bg-violet-50 p-4 text-sm text-violet-950 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100"
    >
      <h2 id="demo-accounts" className="font-semibold">
        Demo accounts
      </h2>
      <p className="mt-1">
        This is the demo estate, so anyone may sign in with these. They do not exist with a real
        estate file.
      </p>
      <dl className="mt-3 space-y-2">
        {accounts.map((a) => (
          <div key={a.email} data-demo-role={a.role}>
            <dt className="font-medium capitalize">{a.role}</dt>
            <dd className="text-xs">
              <span className="block font-mono">{a.email}</span>
              <span className="block">
                password <span className="font-mono">{a.password}</span>
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
