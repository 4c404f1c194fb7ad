import { beforeEach, describe, expect, it, vi } from "vitest";
import { installShortcuts, isTyping, type ShortcutActions } from "./shortcuts";

function actions(): { [K in keyof ShortcutActions]: ReturnType<typeof vi.fn> } {
  return { help: vi.fn(), focusGoToTask: vi.fn(), focusFilter: vi.fn(), navigate: vi.fn(), refresh: vi.fn() };
}

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe("shortcuts", () => {
  let a: ReturnType<typeof actions>;
  let remove: () => void;
  beforeEach(() => {
    remove?.();
    document.body.innerHTML = `<input id="text" type="search"><input id="box" type="checkbox">`;
    a = actions();
    remove = installShortcuts(document, a as unknown as ShortcutActions);
  });

  it("opens help on ? and focuses the go-to-task box on /", () => {
    expect(press("?").defaultPrevented).toBe(true);
    expect(a.help).toHaveBeenCalledOnce();
    press("/");
    expect(a.focusGoToTask).toHaveBeenCalledOnce();
    press("f");
    press("r");
    expect(a.focusFilter).toHaveBeenCalledOnce();
    expect(a.refresh).toHaveBeenCalledOnce();
  });

  it("navigates with g then c or a", () => {
    press("g");
    press("c");
    press("g");
    press("a");
    expect(a.navigate.mock.calls).toEqual([["/clusters"], ["/activity"]]);
    press("c");
    expect(a.navigate).toHaveBeenCalledTimes(2);
  });

  it("leaves keys alone while typing, with modifiers, and on a checkbox only letters pass", () => {
    const text = document.getElementById("text")!;
    expect(press("/", text).defaultPrevented).toBe(false);
    press("?", document.body, { ctrlKey: true });
    expect(a.focusGoToTask).not.toHaveBeenCalled();
    expect(a.help).not.toHaveBeenCalled();
    press("?", document.getElementById("box")!);
    expect(a.help).toHaveBeenCalledOnce();
  });

  it("leaves a text box on Escape", () => {
    const text = document.getElementById("text") as HTMLInputElement;
    text.focus();
    press("Escape", text);
    expect(document.activeElement).not.toBe(text);
  });

  it("knows what takes text", () => {
    expect(isTyping(document.getElementById("text"))).toBe(true);
    expect(isTyping(document.getElementById("box"))).toBe(false);
    expect(isTyping(document.body)).toBe(false);
  });
});
