import { describe, expect, it } from "vitest";
import { parseCommand, USAGE, UsageError } from "./args";

function usageError(argv: string[]): UsageError {
  try {
    parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a usage error for ${JSON.stringify(argv)}`);
}

describe("parseCommand", () => {
  it.each([[[]], [["help"]], [["--help"]], [["-h"]], [["simulate", "--help"]], [["status", "-h"]]])(
    "%j asks for help",
    (argv) => {
      expect(parseCommand(argv)).toEqual({ name: "help" });
    },
  );

  it("simulate with a component and a status", () => {
    expect(parseCommand(["simulate", "contoso-edi.roles", "major_outage"])).toEqual({
      name: "simulate",
      component: "contoso-edi.roles",
      status: "major_outage",
      for: undefined,
      instances: undefined,
      reason: undefined,
    });
  });

  it("simulate with every option, in any order", () => {
    expect(
      parseCommand([
        "simulate",
        "--for",
        "10m",
        "contoso-edi.roles",
        "--instances",
        "2",
        "partial_outage",
        "--reason",
        "host lost in rack 4",
      ]),
    ).toEqual({
      name: "simulate",
      component: "contoso-edi.roles",
      status: "partial_outage",
      for: "10m",
      instances: 2,
      reason: "host lost in rack 4",
    });
    expect(parseCommand(["simulate", "a.b", "silent", "--for=30s"])).toMatchObject({
      status: "silent",
      for: "30s",
    });
  });

  it("simulate --clear, for one component or every one", () => {
    expect(parseCommand(["simulate", "--clear"])).toEqual({ name: "clear", component: undefined });
    expect(parseCommand(["simulate", "--clear", "contoso-edi.roles"])).toEqual({
      name: "clear",
      component: "contoso-edi.roles",
    });
  });

  it("faults and status", () => {
    expect(parseCommand(["faults"])).toEqual({ name: "faults" });
    expect(parseCommand(["status"])).toEqual({ name: "status" });
  });

  it("the usage text names every command and both settings", () => {
    for (const word of [
      "simulate",
      "--clear",
      "faults",
      "status",
      "STANDFAST_URL",
      "STANDFAST_TOKEN",
    ])
      expect(USAGE).toContain(word);
  });
});

describe("parseCommand usage errors", () => {
  it.each([
    [["simulate"], /simulate needs a component and a status/],
    [["simulate", "contoso-edi.roles"], /simulate needs a component and a status/],
    [["simulate", "a", "major_outage", "extra"], /simulate needs a component and a status/],
    [["simulate", "--clear", "a", "b"], /at most one component/],
    [["simulate", "a", "major_outage", "--instances", "0"], /--instances must be a whole number/],
    [["simulate", "a", "major_outage", "--instances", "-2"], /--instances/],
    [["simulate", "a", "major_outage", "--instances", "two"], /--instances must be a whole number/],
    [["simulate", "a", "major_outage", "--instances", "1.5"], /--instances must be a whole number/],
    [["simulate", "a", "major_outage", "--instances", "0x2"], /--instances must be a whole number/],
    [["simulate", "a", "major_outage", "--instances", ""], /--instances must be a whole number/],
    [["simulate", "a", "major_outage", "--for"], /--for/],
    [["simulate", "a", "major_outage", "--colour", "red"], /Unknown option '--colour'/],
    [["status", "--verbose"], /Unknown option '--verbose'/],
    [["faults", "now"], /faults takes no arguments/],
    [["status", "all"], /status takes no arguments/],
    [["restore"], /Unknown command "restore"/],
    [["simulate", "--clear", "--for", "10m"], /--for .*simulate <component> <status>/],
    [["simulate", "--clear", "--instances", "1"], /--instances/],
    [["faults", "--reason", "x"], /--reason/],
    [["status", "--clear"], /--clear/],
    [["simulate", "a", "major_outage", "--clear"], /at most one component|--clear/],
  ])("%j", (argv, message) => {
    const error = usageError(argv);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(message);
  });
});

describe("create-admin", () => {
  it("takes --email and --name, and --password-stdin", () => {
    expect(parseCommand(["create-admin", "--email", "a@example.com", "--name", "Ada L"])).toEqual({
      name: "create-admin",
      email: "a@example.com",
      userName: "Ada L",
      passwordFromStdin: false,
    });
    expect(
      parseCommand(["create-admin", "--email=a@example.com", "--name=A", "--password-stdin"]),
    ).toMatchObject({ passwordFromStdin: true });
  });

  it("says what is missing, and refuses options of other commands", () => {
    expect(usageError(["create-admin", "--name", "A"]).message).toMatch(
      /^create-admin needs --email and --name/,
    );
    expect(usageError(["create-admin", "a@example.com"]).message).toBe(
      "create-admin takes no arguments: use --email and --name.",
    );
    expect(
      usageError(["create-admin", "--email", "a@x.example", "--name", "A", "--for", "1m"]).message,
    ).toMatch(/^--for cannot be used with create-admin/);
    expect(usageError(["status", "--email", "a@x.example"]).message).toMatch(
      /^--email cannot be used with status/,
    );
    expect(usageError(["simulate", "c", "major_outage", "--name", "x"]).message).toMatch(
      /^--name cannot be used with simulate/,
    );
  });

  it("is in the usage", () => {
    expect(USAGE).toContain("create-admin --email ADDRESS --name NAME [--password-stdin]");
  });
});
