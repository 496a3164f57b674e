import Link from "next/link";

export default function ComponentNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">404</p>
      <h1 className="text-2xl font-semibold">No such component</h1>
      <p className="text-zinc-600 dark:text-zinc-300">
        This estate has no component with that id. It may have been renamed or removed from the
        estate file; component ids look like <code>contoso-edi.roles</code>.
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
