import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">403</p>
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-zinc-600 dark:text-zinc-300">
        Your role does not let you open this page. If you need it, ask a Standfast admin for a
        higher role.
      </p>
      <Link
        href="/"
        className="inline-block rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700"
      >
        Back to the status board
      </Link>
    </div>
  );
}
