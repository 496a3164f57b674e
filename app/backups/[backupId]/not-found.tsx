import Link from "next/link";

export default function BackupNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">404</p>
      <h1 className="text-2xl font-semibold">No such backup</h1>
      <p className="text-zinc-600 dark:text-zinc-300">
        No backup of this estate has that id. Check the link, or find the backup in the list of all
        backups.
      </p>
      <Link
        href="/backups"
        className="inline-block rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700"
      >
        All backups
      </Link>
    </div>
  );
}
