// The dashboard's script: it only enhances server-rendered pages that work without it (no inline
// code anywhere: the Content-Security-Policy allows this file and the stylesheet only).
import "./styles/app.css";
import { installCopy, showCopyButtons } from "./copy";
import { LiveRegion, intervalOf } from "./live";
import { installShortcuts } from "./shortcuts";
import { makeFilterable, makeSortable } from "./tables";
import { refreshTimes } from "./time";

const TIMES_EVERY_MS = 15_000;

/** What every page, and every region a live refresh brings in, gets. */
function enhance(root: ParentNode): void {
  refreshTimes(root);
  showCopyButtons(root);
  root.querySelectorAll<HTMLTableElement>("table[data-sortable]").forEach(makeSortable);
  root.querySelectorAll<HTMLTableElement>("table[data-filter]").forEach(makeFilterable);
}

function start(doc: Document): void {
  enhance(doc);
  window.setInterval(() => refreshTimes(doc), TIMES_EVERY_MS);
  installCopy(doc);

  const regions = Array.from(doc.querySelectorAll<HTMLElement>("[data-live][id]"))
    .filter((region) => intervalOf(region) > 0)
    .map((region) => new LiveRegion(region, { onSwap: enhance }));
  regions.forEach((live) => live.start());
  const refreshAll = () => regions.forEach((live) => void live.refresh());
  doc.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest("a[data-live-refresh]");
    if (link && regions.length > 0) {
      event.preventDefault();
      refreshAll();
    }
  });

  const help = doc.getElementById("shortcuts") as HTMLDialogElement | null;
  const openHelp = () => {
    if (help && !help.open) help.showModal();
  };
  doc.querySelectorAll<HTMLButtonElement>("[data-shortcuts-open]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", openHelp);
  });
  installShortcuts(doc, {
    help: openHelp,
    focusGoToTask: () => doc.getElementById("go-task")?.focus(),
    focusFilter: () => doc.querySelector<HTMLInputElement>("input[data-filter-for]")?.focus(),
    navigate: (path) => {
      const link = doc.querySelector<HTMLAnchorElement>(`.nav a[href$="${path}"]`);
      if (link) doc.location.assign(link.href);
    },
    refresh: refreshAll,
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => start(document));
} else {
  start(document);
}
