import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { assertOwnOrigin } from "./origin";

function refused(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error) && error.kind === "forbidden") return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("assertOwnOrigin (server actions, cookie-authenticated writes)", () => {
  const h = (headers: Record<string, string>) => new Headers(headers);

  it("refuses a request without Origin: it cannot be told from a cross-site one", () => {
    expect(refused(() => assertOwnOrigin(h({ host: "localhost:3000" })))).toMatch(
      /has no Origin header/,
    );
  });

  it("lets this host's own origin through, and the public URL's", () => {
    expect(() =>
      assertOwnOrigin(h({ host: "localhost:3000", origin: "http://localhost:3000" })),
    ).not.toThrow();
    expect(() =>
      assertOwnOrigin(
        h({ host: "10.0.0.5:3000", origin: "https://status.example.com" }),
        "https://status.example.com",
      ),
    ).not.toThrow();
  });

  it("refuses the same host over another scheme or port", () => {
    for (const origin of ["https://localhost:3000", "http://localhost:3001", "http://localhost"])
      expect(refused(() => assertOwnOrigin(h({ host: "localhost:3000", origin })))).toMatch(
        /does not match http:\/\/localhost:3000/,
      );
    const tls = h({ host: "status.example.com", "x-forwarded-proto": "https" });
    tls.set("origin", "http://status.example.com");
    expect(refused(() => assertOwnOrigin(tls))).toMatch(/does not match https:/);
    tls.set("origin", "https://status.example.com");
    expect(() => assertOwnOrigin(tls)).not.toThrow();
  });

  it("refuses a foreign origin, naming it", () => {
    expect(
      refused(() => assertOwnOrigin(h({ host: "localhost:3000", origin: "https://evil.example" }))),
    ).toMatch(/Origin https:\/\/evil.example does not match http:\/\/localhost:3000/);
    expect(
      refused(() =>
        assertOwnOrigin(
          h({ host: "localhost:3000", origin: "https://status.example.com.evil.example" }),
          "https://status.example.com",
        ),
      ),
    ).toMatch(/does not match/);
  });
});
