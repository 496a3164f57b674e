import Link from "next/link";

export default function IncidentNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">No such incident</h1>
      <p className="text-sm">
        There is no incident with that id. See the{" "}
        <Link href="/history" className="text-blue-700 underline dark:text-blue-400">
          incident history
        </Link>
        .
      </p>
    </div>
  );
}
