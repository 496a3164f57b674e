import { afterEach, describe, expect, it, vi } from "vitest";
import { guardConsole, logger } from "./log";

/** A console that keeps what it is given. */
function recordingConsole() {
  const lines: { level: string; args: unknown[] }[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void lines.push({ level, args });
  const target = {
    log: record("log"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    debug: record("debug"),
  } as unknown as Console;
  return { target, lines };
}

describe("log lines never carry a secret", () => {
  afterEach(() => vi.restoreAllMocks());

  it("the logger masks connection-string keys and URL passwords in its messages", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    logger("db").error(
      "cannot connect to postgres://standfast:hunter2@db:5432/standfast (Password=hunter2; retrying)",
    );
    expect(error).toHaveBeenCalledWith(
      "[db] cannot connect to postgres://standfast:[redacted]@db:5432/standfast (Password=[redacted]; retrying)",
    );
  });

  it("the console guard masks what anyone prints, errors and objects included", () => {
    const { target, lines } = recordingConsole();
    guardConsole(target);
    const failure = new Error("storage said no: AccountName=a;AccountKey=c2VjcmV0a2V5");
    target.error("backup failed", failure);
    target.warn({ connection: "Server=x;Password=hunter2" });
    expect(lines).toHaveLength(2);
    const printed = lines.map((l) => String(l.args.join(" "))).join("\n");
    expect(printed).not.toContain("c2VjcmV0a2V5");
    expect(printed).not.toContain("hunter2");
    expect(lines[0]!.args[0]).toMatch(
      /^backup failed Error: storage said no: AccountName=a;AccountKey=\[redacted\]\n\s+at /,
    );
    expect(lines[1]!.args[0]).toContain("Password=[redacted]");
  });

  it("lines without a secret are printed as given, and the guard is installed once", () => {
    const { target, lines } = recordingConsole();
    guardConsole(target);
    guardConsole(target);
    const detail = { services: 4 };
    target.info("ready on", "http://127.0.0.1:3000", detail);
    expect(lines).toEqual([{ level: "info", args: ["ready on", "http://127.0.0.1:3000", detail] }]);
  });
});
