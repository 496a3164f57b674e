import { describe, expect, it } from "vitest";
import { learnServerClock, serverNow } from "./server-clock";

const server = Date.parse("2026-11-24T12:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("the server's clock, seen from a browser whose clock is off", () => {
  it("measures ages on the server's clock, not the browser's", () => {
    // The browser's clock is an hour behind: its own reading would make every age negative.
    const behind = server - 3_600_000;
    learnServerClock(iso(server), behind);
    expect(serverNow(behind + 10_000, iso(server))).toBe(server + 10_000);
  });

  it("takes the freshest of the last few boards, and lets a corrected clock take over", () => {
    const browser = server - 3_600_000;
    // A board the server had cached for a second makes an estimate a second short.
    learnServerClock(iso(server + 4_000), browser + 5_000);
    expect(serverNow(browser + 5_000, iso(server))).toBe(server + 5_000);
    // The browser's clock is corrected: after a few boards the new offset is the one used.
    for (let i = 1; i <= 5; i++) learnServerClock(iso(server + 10_000 + i), server + 10_000 + i);
    expect(serverNow(server + 20_000, iso(server))).toBe(server + 20_000);
  });
});
