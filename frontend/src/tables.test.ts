import { beforeEach, describe, expect, it } from "vitest";
import { applyFilter, cellValue, compareValues, filterRows, makeFilterable, makeSortable, sortTable } from "./tables";

function table(key = "t"): HTMLTableElement {
  document.body.innerHTML = `
    <div data-filter-slot="${key}"></div>
    <table data-sortable data-filter="${key}">
      <thead><tr><th data-nosort><span>Select</span></th><th>Task</th><th>Count</th><th>Started</th></tr></thead>
      <tbody>
        <tr><td><input type="checkbox"></td><td>web-b</td><td>10</td><td><time datetime="2026-01-01T10:00:00Z">2 h ago</time></td></tr>
        <tr><td><input type="checkbox"></td><td>web-a</td><td>9</td><td></td></tr>
        <tr><td><input type="checkbox"></td><td>batch-c</td><td>100</td><td><time datetime="2026-01-01T11:00:00Z">1 h ago</time></td></tr>
      </tbody>
    </table>`;
  return document.querySelector("table")!;
}

const rows = (t: HTMLTableElement) => Array.from(t.querySelectorAll<HTMLTableRowElement>("tbody > tr"));
const column = (t: HTMLTableElement, i: number) => rows(t).map((r) => r.children[i].textContent!.trim());
const header = (t: HTMLTableElement, i: number) => t.querySelectorAll("thead th")[i];

describe("compareValues", () => {
  it("compares numbers as numbers and text naturally, empty last", () => {
    expect(compareValues("9", "10")).toBeLessThan(0);
    expect(compareValues("task-2", "task-10")).toBeLessThan(0);
    expect(compareValues("", "a")).toBeGreaterThan(0);
    expect(compareValues("a", "")).toBeLessThan(0);
  });
});

describe("cellValue", () => {
  it("prefers data-sort, then a time's datetime, then the text", () => {
    document.body.innerHTML = `<table><tr><td data-sort="x">shown</td><td><time datetime="2026-01-01T00:00:00Z">now</time></td><td> a  b </td></tr></table>`;
    const cells = document.querySelectorAll("td");
    expect(cellValue(cells[0])).toBe("x");
    expect(cellValue(cells[1])).toBe("2026-01-01T00:00:00Z");
    expect(cellValue(cells[2])).toBe("a b");
  });
});

describe("sorting", () => {
  it("sorts by a column both ways and says so in aria-sort", () => {
    const t = table();
    sortTable(t, 2, "ascending");
    expect(column(t, 2)).toEqual(["9", "10", "100"]);
    expect(header(t, 2).getAttribute("aria-sort")).toBe("ascending");
    sortTable(t, 2, "descending");
    expect(column(t, 2)).toEqual(["100", "10", "9"]);
  });

  it("sorts times by their datetime and keeps empty cells last", () => {
    const t = table();
    sortTable(t, 3, "descending");
    expect(column(t, 1)).toEqual(["batch-c", "web-b", "web-a"]);
    sortTable(t, 3, "ascending");
    expect(column(t, 1)).toEqual(["web-b", "batch-c", "web-a"]);
  });

  it("adds sort buttons that toggle, except on data-nosort headers", () => {
    const t = table("buttons");
    makeSortable(t);
    const ths = t.querySelectorAll("thead th");
    expect(ths[0].querySelector("button")).toBeNull();
    const button = ths[1].querySelector("button")!;
    expect(button.textContent).toBe("Task");
    button.click();
    expect(column(t, 1)).toEqual(["batch-c", "web-a", "web-b"]);
    button.click();
    expect(column(t, 1)).toEqual(["web-b", "web-a", "batch-c"]);
    expect(ths[1].getAttribute("aria-sort")).toBe("descending");
  });

  it("re-applies the kept sort to a table that replaces this one", () => {
    makeSortable(table("kept"));
    document.querySelectorAll("th button")[1].dispatchEvent(new MouseEvent("click"));
    const fresh = table("kept");
    makeSortable(fresh);
    expect(column(fresh, 2)).toEqual(["9", "10", "100"]);
  });
});

describe("filtering", () => {
  beforeEach(() => table("f"));

  it("shows only rows holding every word", () => {
    const t = document.querySelector("table")!;
    expect(filterRows(t, "WEB")).toBe(2);
    expect(filterRows(t, "web 10")).toBe(1);
    expect(rows(t).map((r) => r.hidden)).toEqual([false, true, true]);
    expect(filterRows(t, "")).toBe(3);
  });

  it("puts a labelled filter box in the slot, and keeps it for a replacing table", () => {
    const input = makeFilterable(document.querySelector("table")!);
    expect(input.closest("[data-filter-slot]")).not.toBeNull();
    expect(input.closest("label")!.textContent).toContain("Filter rows");
    input.value = "batch";
    input.dispatchEvent(new Event("input"));
    expect(document.getElementById("filter-count-f")!.textContent).toBe("1 of 3 rows shown");

    // A live refresh brings a new table: the same box filters it.
    const fresh = document.querySelector("table")!.cloneNode(true) as HTMLTableElement;
    fresh.querySelectorAll("tr").forEach((r) => (r.hidden = false));
    document.querySelector("table")!.replaceWith(fresh);
    expect(makeFilterable(fresh)).toBe(input);
    applyFilter("f");
    expect(rows(fresh).filter((r) => !r.hidden)).toHaveLength(1);
  });
});
