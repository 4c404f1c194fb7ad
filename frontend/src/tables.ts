// Tables sorted and filtered in place. The server renders plain tables marked data-sortable
// and data-filter="<key>"; this adds sort buttons to their headers and a filter box. Sort and
// filter outlive a live refresh that replaces the table: the sort is kept by key here, and the
// filter box sits outside the refreshed region (in [data-filter-slot="<key>"]) when there is one.

export type Direction = "ascending" | "descending";

const sorts = new Map<string, { column: number; direction: Direction }>();

function tableKey(table: HTMLTableElement): string {
  return table.dataset.filter || table.id || "table";
}

/** The value a cell sorts by: data-sort, else a <time>'s datetime, else its text. */
export function cellValue(cell: Element | undefined): string {
  if (!cell) return "";
  const explicit = cell.getAttribute("data-sort");
  if (explicit !== null) return explicit;
  const time = cell.querySelector("time");
  if (time?.dateTime) return time.dateTime;
  return (cell.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** Numbers as numbers, everything else as text with embedded numbers in order; empty last. */
export function compareValues(a: string, b: string): number {
  if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
  const na = Number(a.replace(/,/g, ""));
  const nb = Number(b.replace(/,/g, ""));
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}

// Children rather than tBodies/rows/cells, which not every DOM implements.
function children(parent: Element | null | undefined, tag: string): HTMLElement[] {
  return parent ? (Array.from(parent.children).filter((c) => c.tagName === tag) as HTMLElement[]) : [];
}

function bodies(table: HTMLTableElement): HTMLElement[] {
  return children(table, "TBODY");
}

function bodyRows(table: HTMLTableElement): HTMLElement[] {
  return bodies(table).flatMap((body) => children(body, "TR"));
}

function cells(row: Element): Element[] {
  return Array.from(row.children);
}

function headers(table: HTMLTableElement): HTMLElement[] {
  const row = children(children(table, "THEAD")[0], "TR")[0];
  return row ? (cells(row) as HTMLElement[]) : [];
}

/** Sorts the body rows by a column (stable), and says so in the header's aria-sort. */
export function sortTable(table: HTMLTableElement, column: number, direction: Direction): void {
  const body = bodies(table)[0];
  if (!body) return;
  const sign = direction === "ascending" ? 1 : -1;
  const rows = children(body, "TR").map((row, index) => ({ row, index, value: cellValue(cells(row)[column]) }));
  rows.sort((x, y) => {
    const byValue = compareValues(x.value, y.value);
    // Empty values stay last in both directions.
    if (x.value === "" || y.value === "") return byValue || x.index - y.index;
    return sign * byValue || x.index - y.index;
  });
  body.append(...rows.map((r) => r.row));
  headers(table).forEach((th, i) => {
    if (i === column) th.setAttribute("aria-sort", direction);
    else th.removeAttribute("aria-sort");
  });
  sorts.set(tableKey(table), { column, direction });
}

/** Turns each header (but those marked data-nosort) into a sort button; re-applies a kept sort. */
export function makeSortable(table: HTMLTableElement): void {
  if (table.dataset.sortReady) return;
  table.dataset.sortReady = "true";
  headers(table).forEach((th, column) => {
    if (th.hasAttribute("data-nosort")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.append(...Array.from(th.childNodes));
    button.title = "Sort by this column";
    button.addEventListener("click", () => {
      const next: Direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      sortTable(table, column, next);
    });
    th.append(button);
  });
  const kept = sorts.get(tableKey(table));
  if (kept) sortTable(table, kept.column, kept.direction);
}

/** Hides the body rows that do not hold every word of the query; returns how many are shown. */
export function filterRows(table: HTMLTableElement, query: string): number {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const row of bodyRows(table)) {
    const text = (row.textContent ?? "").toLowerCase();
    const match = terms.every((term) => text.includes(term));
    row.hidden = !match;
    if (match) shown++;
  }
  return shown;
}

function rowCount(table: HTMLTableElement): number {
  return bodyRows(table).length;
}

/**
 * Gives the table a filter box (once per key: a table that replaces this one after a live refresh
 * reuses it) and applies what it holds.
 */
export function makeFilterable(table: HTMLTableElement): HTMLInputElement {
  const key = tableKey(table);
  const doc = table.ownerDocument;
  let input = doc.querySelector<HTMLInputElement>(`input[data-filter-for="${CSS.escape(key)}"]`);
  if (!input) {
    const slot = doc.querySelector(`[data-filter-slot="${CSS.escape(key)}"]`);
    const tools = slot ?? doc.createElement("div");
    if (!slot) {
      tools.className = "table-tools";
      table.before(tools);
    }
    const label = doc.createElement("label");
    label.className = "table-filter";
    label.append("Filter rows ");
    input = doc.createElement("input");
    input.type = "search";
    input.dataset.filterFor = key;
    input.autocomplete = "off";
    input.setAttribute("aria-keyshortcuts", "f");
    input.setAttribute("aria-describedby", `filter-count-${key}`);
    label.append(input);
    const count = doc.createElement("span");
    count.id = `filter-count-${key}`;
    count.className = "muted";
    count.setAttribute("aria-live", "polite");
    tools.append(label, count);
    input.addEventListener("input", () => applyFilter(key, doc));
  }
  applyFilter(key, doc);
  return input;
}

/** Filters the current table of this key with its box's text and updates the shown count. */
export function applyFilter(key: string, doc: Document = document): void {
  const input = doc.querySelector<HTMLInputElement>(`input[data-filter-for="${CSS.escape(key)}"]`);
  const table = doc.querySelector<HTMLTableElement>(`table[data-filter="${CSS.escape(key)}"]`);
  const count = doc.getElementById(`filter-count-${key}`);
  if (!input || !table) return;
  const shown = filterRows(table, input.value);
  if (count) count.textContent = input.value.trim() ? `${shown} of ${rowCount(table)} rows shown` : "";
}
