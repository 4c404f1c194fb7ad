import { describe, expect, it, vi } from "vitest";
import { copyText, installCopy, showCopyButtons } from "./copy";

describe("copy buttons", () => {
  it("are shown only by the script", () => {
    document.body.innerHTML = `<button data-copy="arn:aws:ecs:us-east-1:123:task/x" hidden>Copy</button>`;
    showCopyButtons(document);
    expect(document.querySelector("button")!.hidden).toBe(false);
  });

  it("copy their ARN and say so, then go back to their label", async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<span><button data-copy="arn:aws:ecs:us-east-1:123:task/x">Copy</button></span>`;
    const copy = vi.fn(() => Promise.resolve(true));
    installCopy(document, copy);
    const button = document.querySelector("button")!;
    button.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(copy).toHaveBeenCalledWith("arn:aws:ecs:us-east-1:123:task/x");
    expect(button.textContent).toBe("Copied");
    await vi.advanceTimersByTimeAsync(2000);
    expect(button.textContent).toBe("Copy");
    vi.useRealTimers();
  });

  it("uses the Clipboard API in a secure context", async () => {
    vi.stubGlobal("isSecureContext", true);
    const clipboard = { writeText: vi.fn(() => Promise.resolve()) };
    expect(await copyText("abc", clipboard)).toBe(true);
    expect(clipboard.writeText).toHaveBeenCalledWith("abc");
    vi.unstubAllGlobals();
  });
});
