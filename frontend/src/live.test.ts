import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveRegion, clock, intervalOf, swapRegion } from "./live";

const page = (rows: string, live = "10", notice = "") => `
  <div data-live-notices>${notice}</div>
  <main><div id="r" data-live="${live}">
    <table><tbody>${rows}</tbody></table>
  </div></main>`;
const row = (id: string, status: string) =>
  `<tr><td><input type="checkbox" name="task" value="${id}"></td><td>${id}</td><td class="s">${status}</td></tr>`;

function ok(html: string): Promise<Response> {
  return Promise.resolve(new Response(html, { status: 200 }));
}

describe("clock and intervalOf", () => {
  it("formats hh:mm:ss and reads the interval", () => {
    expect(clock(new Date(2026, 0, 1, 2, 5, 9))).toBe("02:05:09");
    const el = document.createElement("div");
    el.setAttribute("data-live", "2");
    expect(intervalOf(el)).toBe(2000);
    el.setAttribute("data-live", "0");
    expect(intervalOf(el)).toBe(0);
    el.setAttribute("data-live", "junk");
    expect(intervalOf(el)).toBe(0);
  });
});

describe("swapRegion", () => {
  it("swaps content and keeps ticked checkboxes and focus", () => {
    document.body.innerHTML = page(row("a", "RUNNING") + row("b", "RUNNING"));
    const region = document.getElementById("r")!;
    const boxes = region.querySelectorAll<HTMLInputElement>("input");
    boxes[1].checked = true;
    boxes[1].focus();

    const fresh = new DOMParser().parseFromString(page(row("a", "STOPPING") + row("b", "RUNNING") + row("c", "PENDING"), "0"), "text/html");
    swapRegion(region, fresh.getElementById("r")!);

    expect(Array.from(region.querySelectorAll(".s")).map((c) => c.textContent)).toEqual(["STOPPING", "RUNNING", "PENDING"]);
    const after = region.querySelectorAll<HTMLInputElement>("input");
    expect(Array.from(after).map((b) => b.checked)).toEqual([false, true, false]);
    expect(document.activeElement).toBe(after[1]);
    expect(region.getAttribute("data-live")).toBe("0");
  });
});

describe("LiveRegion", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = page(row("a", "RUNNING"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const now = () => new Date(2026, 0, 1, 3, 4, 5);

  it("refreshes at the interval and says when", async () => {
    const fetcher = vi.fn(() => ok(page(row("a", "STOPPING"))));
    const swapped = vi.fn();
    const live = new LiveRegion(document.getElementById("r")!, { fetcher, now, onSwap: swapped });
    live.start();
    expect(fetcher).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(10_000);

    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(document.querySelector(".s")!.textContent).toBe("STOPPING");
    expect(live.status.textContent).toBe("Updated 03:04:05");
    expect(swapped).toHaveBeenCalledOnce();
    expect(live.running).toBe(true);
  });

  it("brings the page's notices along, and takes them away", async () => {
    const stale = '<div class="alert">ECS did not answer; showing data from 12 s ago</div>';
    const fetcher = vi
      .fn<(url: string) => Promise<Response>>()
      .mockImplementationOnce(() => ok(page(row("a", "RUNNING"), "10", stale)))
      .mockImplementation(() => ok(page(row("a", "RUNNING"))));
    new LiveRegion(document.getElementById("r")!, { fetcher, now }).start();

    await vi.advanceTimersByTimeAsync(10_000);
    expect(document.querySelector("[data-live-notices]")!.textContent).toContain("ECS did not answer");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(document.querySelector("[data-live-notices]")!.textContent).toBe("");
  });

  it("stops when the fresh region is still (data-live=0)", async () => {
    const live = new LiveRegion(document.getElementById("r")!, { fetcher: () => ok(page(row("a", "STOPPED"), "0")), now });
    live.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(document.querySelector(".s")!.textContent).toBe("STOPPED");
    expect(live.running).toBe(false);
  });

  it("keeps the data and says so when a refresh fails, then retries", async () => {
    const fetcher = vi
      .fn<(url: string) => Promise<Response>>()
      .mockResolvedValueOnce(new Response("busy", { status: 503 }))
      .mockImplementationOnce(() => ok("<html><body><form action=/login></form></body></html>"))
      .mockImplementation(() => ok(page(row("a", "STOPPING"))));
    const live = new LiveRegion(document.getElementById("r")!, { fetcher, now });
    live.start();

    await vi.advanceTimersByTimeAsync(10_000);
    expect(live.status.classList.contains("failed")).toBe(true);
    expect(live.status.textContent).toBe("Refresh failed at 03:04:05 (HTTP 503). Retrying.");
    expect(live.status.getAttribute("aria-live")).toBe("polite");
    expect(document.querySelector(".s")!.textContent).toBe("RUNNING");

    await vi.advanceTimersByTimeAsync(10_000);
    expect(live.status.textContent).toContain("still signed in");

    await vi.advanceTimersByTimeAsync(10_000);
    expect(live.status.classList.contains("failed")).toBe(false);
    expect(document.querySelector(".s")!.textContent).toBe("STOPPING");
  });

  it("pauses while the tab is hidden and catches up when shown", async () => {
    let hidden = true;
    vi.spyOn(document, "hidden", "get").mockImplementation(() => hidden);
    const fetcher = vi.fn(() => ok(page(row("a", "STOPPING"))));
    new LiveRegion(document.getElementById("r")!, { fetcher, now }).start();

    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetcher).not.toHaveBeenCalled();

    hidden = false;
    document.dispatchEvent(new Event("visibilitychange"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
