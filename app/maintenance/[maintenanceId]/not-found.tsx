import Link from "next/link";

export default function MaintenanceNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">No such maintenance</h1>
      <p className="text-sm">
        There is no scheduled maintenance with that id. See{" "}
        <Link href="/maintenance" className="text-blue-700 underline dark:text-blue-400">
          scheduled maintenance
        </Link>
        .
      </p>
    </div>
  );
}
