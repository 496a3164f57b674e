import Link from "next/link";

export default function RestoreNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">404</p>
      <h1 className="text-2xl font-semibold">No such restore</h1>
      <p className="text-zinc-600 dark:text-zinc-300">
        There is no restore with this id. Check the address, or find it in the list of recent
        restores.
      </p>
      <Link
        href="/restores"
        className="inline-block rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700"
      >
        Recent restores
      </Link>
    </div>
  );
}
