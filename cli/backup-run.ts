import type { BackupCommand } from "./backup-args";

type Call = (method: string, route: string, body?: unknown) => Promise<unknown>;
type Row = {
  id: string;
  name: string;
  serviceId: string;
  region: string;
  trigger: string;
  status: string;
  checksum: string;
  requestedAt: string;
  sizeBytes: number | null;
  progress: number | null;
  error: string | null;
};

const size = (n: number | null) =>
  n === null ? "-" : n > 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.ceil(n / 1e3)} kB`;
const line = (r: Row) =>
  [
    r.requestedAt.slice(0, 19).replace("T", " "),
    r.status.padEnd(9),
    r.checksum.padEnd(10),
    r.region.padEnd(13),
    size(r.sizeBytes).padStart(8),
    r.name,
    r.id,
  ].join("  ");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runBackupCommand(command: BackupCommand, call: Call): Promise<string> {
  switch (command.name) {
    case "backup": {
      let row = (await call("POST", "/api/backups", {
        service: command.service,
        ...command.input,
      })) as Row;
      if (!command.wait)
        return `queued ${row.name} (${row.id}); follow it with: backups --service ${row.serviceId}`;
      while (row.status === "queued" || row.status === "running") {
        await sleep(500);
        row = (await call("GET", `/api/backups/${row.id}`)) as Row;
      }
      if (row.status !== "succeeded")
        throw new Error(`backup ${row.name} ${row.status}: ${row.error ?? "no reason given"}`);
      return `${row.name}: ${row.status}, ${size(row.sizeBytes)}, checksum ${row.checksum}`;
    }
    case "backups": {
      const qs = new URLSearchParams(command.query).toString();
      const page = (await call("GET", `/api/backups${qs ? `?${qs}` : ""}`)) as {
        rows: Row[];
        total: number;
        page: number;
        pages: number;
      };
      if (page.total === 0) return "no backups";
      return [
        ...page.rows.map(line),
        `page ${page.page} of ${page.pages} (${page.total} backups)`,
      ].join("\n");
    }
    case "verify": {
      const result = (await call(
        "POST",
        `/api/backups/${encodeURIComponent(command.id)}/verify`,
        {},
      )) as { ok: boolean; message: string };
      if (!result.ok) throw new Error(result.message);
      return result.message;
    }
    case "schedule": {
      await call(
        "PUT",
        `/api/services/${encodeURIComponent(command.service)}/schedule`,
        command.input,
      );
      return `${command.service}: backups every ${command.input.frequency}, kept ${command.input.retention}, to ${command.input.store}/${command.input.region}${command.input.afterChange ? ", and after each management operation" : ""}${command.input.enabled ? "" : " (schedule off)"}`;
    }
    case "operation": {
      const op = (await call(
        "POST",
        `/api/services/${encodeURIComponent(command.service)}/operations`,
        command.input,
      )) as { id: number; summary: string };
      return `operation ${op.id} on ${command.service}: ${op.summary}`;
    }
  }
}
