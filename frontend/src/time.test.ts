import { describe, expect, it } from "vitest";
import { refreshTimes, relative, utc } from "./time";

const now = new Date("2026-01-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("relative", () => {
  it("words past times in the largest whole unit", () => {
    expect(relative(ago(2), now)).toBe("just now");
    expect(relative(ago(42), now)).toBe("42 s ago");
    expect(relative(ago(5 * 60 + 59), now)).toBe("5 min ago");
    expect(relative(ago(3 * 3600), now)).toBe("3 h ago");
    expect(relative(ago(2 * 86400 + 10), now)).toBe("2 d ago");
  });

  it("words future times ahead", () => {
    expect(relative(ago(-120), now)).toBe("in 2 min");
  });
});

describe("utc", () => {
  it("writes the absolute time in UTC", () => {
    expect(utc(new Date("2019-07-18T03:44:54.186Z"))).toBe("2019-07-18 03:44:54 UTC");
  });
});

describe("refreshTimes", () => {
  it("rewords relative times and keeps the server's title", () => {
    document.body.innerHTML = `
      <time data-relative datetime="2026-01-01T11:55:00Z" title="server title">old</time>
      <time data-relative datetime="2026-01-01T11:00:00Z">old</time>
      <time datetime="2026-01-01T11:00:00Z">absolute, untouched</time>
      <time data-relative datetime="garbage">kept</time>`;
    const times = document.querySelectorAll("time");

    expect(refreshTimes(document, now)).toBe(2);
    expect(times[0].textContent).toBe("5 min ago");
    expect(times[0].title).toBe("server title");
    expect(times[1].textContent).toBe("1 h ago");
    expect(times[1].title).toBe("2026-01-01 11:00:00 UTC");
    expect(times[2].textContent).toBe("absolute, untouched");
    expect(times[3].textContent).toBe("kept");
  });
});
