// Keyboard shortcuts, listed in the help dialog (#shortcuts in the layout): "?" help, "/" the
// go-to-task box, "f" the table filter, "g c" clusters, "g a" activity, "r" refresh now.

export interface ShortcutActions {
  help(): void;
  focusGoToTask(): void;
  focusFilter(): void;
  navigate(path: string): void;
  refresh(): void;
}

const SEQUENCE_MS = 1500;

/** Whether the key went to something that takes text, where letters must stay letters. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return false;
}

/** Installs the shortcuts on the document; returns a function that removes them. */
export function installShortcuts(doc: Document, actions: ShortcutActions): () => void {
  let pendingG = 0;
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) {
      if (event.key === "Escape") (event.target as HTMLElement).blur();
      return;
    }
    const afterG = pendingG > 0 && event.timeStamp - pendingG < SEQUENCE_MS;
    pendingG = 0;
    let handled = true;
    switch (event.key) {
      case "?":
        actions.help();
        break;
      case "/":
        actions.focusGoToTask();
        break;
      case "f":
        actions.focusFilter();
        break;
      case "r":
        actions.refresh();
        break;
      case "g":
        pendingG = event.timeStamp || 1;
        break;
      case "c":
      case "a":
        if (afterG) actions.navigate(event.key === "c" ? "/clusters" : "/activity");
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };
  doc.addEventListener("keydown", onKey);
  return () => doc.removeEventListener("keydown", onKey);
}
