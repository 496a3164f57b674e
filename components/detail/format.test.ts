import { describe, expect, it } from "vitest";
import { utcSeconds } from "./format";

describe("a job's times to the second", () => {
  it("writes an ISO time as a UTC date and time, milliseconds dropped", () => {
    expect(utcSeconds("2026-11-24T14:02:37.912Z")).toBe("2026-11-24 14:02:37 UTC");
    expect(utcSeconds("2026-11-24T16:02:37+02:00")).toBe("2026-11-24 14:02:37 UTC");
  });
});
