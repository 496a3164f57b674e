import { describe, expect, it } from "vitest";
import { parseCommand, UsageError } from "./args";

const usage = (argv: string[]) => {
  try {
    parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${JSON.stringify(argv)}`);
};

describe("backup commands", () => {
  it("backup takes a service and optional target", () => {
    expect(parseCommand(["backup", "contoso-edi", "--region", "northeurope", "--wait"])).toEqual({
      name: "backup",
      service: "contoso-edi",
      input: { region: "northeurope" },
      wait: true,
    });
  });

  it("backups passes its filters on", () => {
    expect(parseCommand(["backups", "--service", "fabrikam-b2b", "--status", "failed"])).toEqual({
      name: "backups",
      query: { service: "fabrikam-b2b", status: "failed" },
    });
  });

  it("schedule needs every setting, and maps flags", () => {
    expect(usage(["schedule", "contoso-edi", "--every", "1d"])).toMatch(
      /schedule needs --keep, --store, --region/,
    );
    expect(
      parseCommand([
        "schedule",
        "contoso-edi",
        "--every",
        "1d",
        "--keep",
        "7d",
        "--store",
        "local",
        "--region",
        "northeurope",
        "--after-change",
      ]),
    ).toMatchObject({
      name: "schedule",
      input: { frequency: "1d", retention: "7d", afterChange: true, enabled: true },
    });
  });

  it("operation turns field=value pairs into typed input", () => {
    expect(
      parseCommand([
        "operation",
        "fabrikam-b2b",
        "change-agreement",
        "agreementId=a1-1",
        "enabled=false",
      ]),
    ).toEqual({
      name: "operation",
      service: "fabrikam-b2b",
      input: { kind: "change-agreement", agreementId: "a1-1", enabled: false },
    });
    expect(parseCommand(["operation", "x", "scale-units", "units=3"])).toMatchObject({
      input: { units: 3 },
    });
    expect(usage(["operation", "x", "scale-units", "units"])).toMatch(/"units" is not field=value/);
  });

  it("refuses options that belong to another command, and missing arguments", () => {
    expect(usage(["backup", "contoso-edi", "--every", "1d"])).toMatch(
      /--every cannot be used with backup/,
    );
    expect(usage(["backup"])).toMatch(/backup needs one service/);
    expect(usage(["verify"])).toMatch(/verify needs a backup id/);
    expect(usage(["backups", "extra"])).toMatch(/backups takes options only/);
  });
});
