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

describe("sign-in settings", () => {
  const OIDC = {
    STANDFAST_OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0/",
    STANDFAST_OIDC_CLIENT_ID: "client",
    STANDFAST_OIDC_CLIENT_SECRET: "secret",
  };
  const problem = (env: Record<string, string>) => {
    try {
      parseSettings(env);
    } catch (error) {
      if (error instanceof SettingsError) return error.message;
      throw error;
    }
    throw new Error("expected a SettingsError");
  };

  it("defaults: public board, no OIDC, the conservative role map, 10 attempts a minute", () => {
    const s = parseSettings({});
    expect(s.STANDFAST_PUBLIC_BOARD).toBe("on");
    expect(s.STANDFAST_OIDC_ISSUER).toBeUndefined();
    expect(s.STANDFAST_OIDC_ROLE_CLAIM).toBe("roles");
    expect(s.STANDFAST_OIDC_ROLE_MAP.map((r) => r.value)).toEqual([
      "Standfast.Admin",
      "Standfast.Operator",
      "Standfast.Viewer",
    ]);
    expect(s.STANDFAST_SIGN_IN_LIMIT).toEqual({ max: 10, windowMs: 60_000 });
    expect(s.STANDFAST_TRUSTED_PROXIES).toEqual([]);
  });

  it("reads OIDC settings, the role map and the limits", () => {
    const s = parseSettings({
      ...OIDC,
      STANDFAST_OIDC_ROLE_CLAIM: "groups",
      STANDFAST_OIDC_ROLE_MAP: "Ops=operator,*=viewer",
      STANDFAST_SIGN_IN_LIMIT: "5 / 30s",
      STANDFAST_TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.10,fd00::/8",
      STANDFAST_PUBLIC_BOARD: "off",
    });
    expect(s.STANDFAST_OIDC_ISSUER).toBe("https://login.microsoftonline.com/tenant-id/v2.0");
    expect(s.STANDFAST_OIDC_ROLE_MAP).toEqual([
      { value: "Ops", role: "operator" },
      { value: "*", role: "viewer" },
    ]);
    expect(s.STANDFAST_SIGN_IN_LIMIT).toEqual({ max: 5, windowMs: 30_000 });
    expect(s.STANDFAST_TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.168.1.10", "fd00::/8"]);
    expect(s.STANDFAST_PUBLIC_BOARD).toBe("off");
  });

  it("OIDC needs issuer, client id and secret together, and names what is missing", () => {
    const message = problem({ STANDFAST_OIDC_ISSUER: OIDC.STANDFAST_OIDC_ISSUER });
    expect(message).toContain(
      'STANDFAST_OIDC_CLIENT_ID="": expected the client (application) id registered at the identity provider',
    );
    expect(message).toContain('STANDFAST_OIDC_CLIENT_SECRET="": expected the client secret');
    expect(message).toContain("(STANDFAST_OIDC_ISSUER is set)");
    expect(message).not.toContain("STANDFAST_OIDC_ISSUER=");
  });

  it.each([
    ["STANDFAST_OIDC_ISSUER", "login.microsoftonline.com", /expected the issuer URL/],
    [
      "STANDFAST_OIDC_ROLE_MAP",
      "Admins=root",
      /entry 1 "Admins=root": role "root" is not one of viewer, operator, admin/,
    ],
    ["STANDFAST_OIDC_ROLE_CLAIM", "my roles", /expected a claim name/],
    ["STANDFAST_SIGN_IN_LIMIT", "ten", /expected attempts per duration, such as 10\/1m/],
    ["STANDFAST_SIGN_IN_LIMIT", "0/1m", /attempts from 1 to 10000/],
    ["STANDFAST_SIGN_IN_LIMIT", "5/2d", /expected a duration from 1s to 1d after the slash/],
    [
      "STANDFAST_TRUSTED_PROXIES",
      "10.0.0.0/33,proxy",
      /"10.0.0.0\/33", "proxy" are not an IP address or range/,
    ],
    ["STANDFAST_AUTH_SECRET", "short", /at least 32 characters/],
    ["STANDFAST_PUBLIC_BOARD", "private", /expected "on" or "off"/],
  ])("names the variable and the fix for %s=%s", (name, value, message) => {
    const text = problem({ [name]: value });
    expect(text).toContain(`${name}=${JSON.stringify(value)}`);
    expect(text).toMatch(message);
  });
});
