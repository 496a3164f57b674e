import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "./index";

describe("settings", () => {
  it("uses defaults when nothing is set", () => {
    const s = parseSettings({});
    expect(s.PORT).toBe(3000);
    expect(s.STANDFAST_DEFAULT_INTERVAL).toBe(30_000);
    expect(s.STANDFAST_POLLER).toBe("on");
    expect(s.DATABASE_URL).toBeUndefined();
    expect(s.STANDFAST_DATA_DIR.endsWith(".standfast")).toBe(true);
  });

  it("treats empty values as unset", () => {
    expect(parseSettings({ DATABASE_URL: "", PORT: " " }).PORT).toBe(3000);
  });

  it("reads durations and numbers", () => {
    const s = parseSettings({
      STANDFAST_DEFAULT_INTERVAL: "2s",
      PORT: "8080",
      STANDFAST_SAMPLE_RETENTION: "3d",
    });
    expect(s.STANDFAST_DEFAULT_INTERVAL).toBe(2_000);
    expect(s.PORT).toBe(8080);
    expect(s.STANDFAST_SAMPLE_RETENTION).toBe(3 * 86_400_000);
  });

  it.each([
    ["PORT", "eighty", /PORT="eighty": expected a whole number from 1 to 65535/],
    ["PORT", "70000", /PORT="70000": expected a whole number/],
    [
      "STANDFAST_DEFAULT_INTERVAL",
      "fast",
      /STANDFAST_DEFAULT_INTERVAL="fast": expected a duration such as 30s/,
    ],
    ["STANDFAST_DEFAULT_INTERVAL", "2h", /between 1s and 60m/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL="mysql:\/\/x": expected a PostgreSQL URL/],
    ["STANDFAST_POLLER", "yes", /STANDFAST_POLLER="yes": expected "on" or "off"/],
    ["STANDFAST_ADMIN_TOKEN", "short", /at least 24 characters/],
  ])("names the variable and the fix for %s=%s", (name, value, message) => {
    let error: unknown;
    try {
      parseSettings({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toMatch(message);
  });

  it("reports every bad variable at once", () => {
    expect(() => parseSettings({ PORT: "x", STANDFAST_POLLER: "maybe" })).toThrow(
      /PORT[\s\S]*STANDFAST_POLLER/,
    );
  });
});
