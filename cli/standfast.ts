import fs from "node:fs";
import path from "node:path";
import { redactText } from "../lib/secrets";
import { parseCommand, USAGE, UsageError, type Command } from "./args";
import { runBackupCommand } from "./backup-run";
import { runEvacuateCommand } from "./evacuate-run";
import { runDrillCommand } from "./drill-run";

const baseUrl = (process.env.STANDFAST_URL || "http://localhost:3000").replace(/\/+$/, "");

function token(): string {
  if (process.env.STANDFAST_TOKEN) return process.env.STANDFAST_TOKEN;
  const file = path.resolve(process.env.STANDFAST_DATA_DIR || ".standfast", "admin-token");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(
      `No admin token: set STANDFAST_TOKEN, or run this where the app keeps its data (${file} is missing).`,
    );
  }
}

function hasToken(): boolean {
  try {
    return Boolean(token());
  } catch {
    return false;
  }
}

async function call(method: string, route: string, body?: unknown, auth = true): Promise<unknown> {
  // Outside the try below: a missing token must say so, not pass for an unreachable app.
  const headers = {
    ...(auth ? { authorization: `Bearer ${token()}` } : {}),
    ...(body ? { "content-type": "application/json" } : {}),
  };
  let response: Response;
  try {
    response = await fetch(baseUrl + route, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(
      `Cannot reach Standfast at ${baseUrl} (${code}): start it with \`npm start\`, or set STANDFAST_URL.`,
    );
  }
  const data = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) throw new Error(data.error?.message ?? `HTTP ${response.status} from ${route}`);
  return data;
}

type BoardLike = {
  overall: { description: string };
  components: Record<string, { id: string; status: string; reason: string | null; region: string }>;
};

/** All of standard input, less the line break a shell or `echo` puts at its end. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new Error("--password-stdin reads the password from standard input: pipe it in.");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function run(command: Command): Promise<string> {
  switch (command.name) {
    case "create-admin": {
      const password = command.passwordFromStdin ? await readStdin() : undefined;
      const user = (await call("POST", "/api/admin/users", {
        email: command.email,
        name: command.userName,
        role: "admin",
        ...(password === undefined ? {} : { password }),
      })) as { email: string; name: string; generatedPassword: string | null };
      const created = `Created admin ${user.email} (${user.name}); they sign in at ${baseUrl}/sign-in.`;
      return user.generatedPassword
        ? `${created}\nPassword (shown only now; Standfast keeps only a hash of it): ${user.generatedPassword}`
        : created;
    }
    case "help":
      return USAGE;
    case "backup":
    case "backups":
    case "verify":
    case "schedule":
    case "operation":
      return runBackupCommand(command, call);
    case "evacuate":
      return runEvacuateCommand(command, call);
    case "drill":
      return runDrillCommand(command, call);
    case "simulate": {
      const { name: _, ...input } = command;
      const result = (await call("POST", "/api/admin/faults", input)) as {
        component: string;
        status: string;
        until: string | null;
        instances: number | null;
      };
      const scope = result.instances ? ` on ${result.instances} instance(s)` : "";
      return `${result.component}: ${result.status}${scope}${result.until ? ` until ${result.until}` : " until cleared"}`;
    }
    case "clear": {
      const result = (await call(
        "DELETE",
        "/api/admin/faults",
        command.component ? { component: command.component } : {},
      )) as { cleared: number };
      return `cleared ${result.cleared} fault(s)`;
    }
    case "faults": {
      const { faults } = (await call("GET", "/api/admin/faults")) as {
        faults: { component: string; mode: string; status?: string; until: string | null }[];
      };
      if (faults.length === 0) return "no faults in force";
      return faults
        .map(
          (f) =>
            `${f.component}\t${f.mode === "silent" ? "silent" : f.status}\t${f.until ? `until ${f.until}` : "until cleared"}`,
        )
        .join("\n");
    }
    case "status": {
      // A token when there is one, for a board that is not public; none is needed otherwise.
      const board = (await call("GET", "/api/board", undefined, hasToken())) as BoardLike;
      const problems = Object.values(board.components).filter((c) => c.status !== "operational");
      return [
        board.overall.description,
        ...problems.map(
          (c) => `  ${c.status.padEnd(20)} ${c.id} (${c.region})${c.reason ? `: ${c.reason}` : ""}`,
        ),
      ].join("\n");
    }
  }
}

// What the app answers is masked already; this keeps a secret out of a terminal or a CI log anyway.
try {
  console.log(redactText(await run(parseCommand(process.argv.slice(2)))));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${redactText(error.message)}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`standfast: ${redactText((error as Error).message)}`);
  process.exit(1);
}
