// Copy buttons for ARNs: the server renders <button data-copy="..." hidden>; they are shown only
// here, where they can work.

type Clipboard = Pick<globalThis.Clipboard, "writeText">;

/** Copies text: the Clipboard API where the page may use it, else a selected, hidden textarea. */
export async function copyText(text: string, clipboard: Clipboard | undefined = navigator.clipboard): Promise<boolean> {
  if (clipboard && window.isSecureContext) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Fall through: permission refused, or not focused.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "visually-hidden";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Shows the copy buttons under root. */
export function showCopyButtons(root: ParentNode): void {
  root.querySelectorAll<HTMLButtonElement>("button[data-copy]").forEach((b) => (b.hidden = false));
}

/** One listener for every copy button, present or added by a live refresh. */
export function installCopy(doc: Document, copy: (text: string) => Promise<boolean> = copyText): void {
  doc.addEventListener("click", async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-copy]");
    if (!button) return;
    const label = button.dataset.label ?? button.textContent ?? "Copy";
    button.dataset.label = label;
    const ok = await copy(button.dataset.copy ?? "");
    button.textContent = ok ? "Copied" : "Copy failed";
    button.classList.toggle("copied", ok);
    window.setTimeout(() => {
      button.textContent = label;
      button.classList.remove("copied");
    }, 2000);
  });
}
