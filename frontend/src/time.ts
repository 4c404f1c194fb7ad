// Relative times ("5 min ago") that stay true while a page is open. The server renders each
// <time datetime> with its relative text and the absolute UTC time as title; this only re-words it.

const UNITS: [limitSeconds: number, divisor: number, unit: string][] = [
  [60, 1, "s"],
  [3600, 60, "min"],
  [86400, 3600, "h"],
  [Infinity, 86400, "d"],
];

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago"; "in 5 min" for a time ahead. */
export function relative(at: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 5) return "just now";
  for (const [limit, divisor, unit] of UNITS) {
    if (abs < limit) {
      const n = Math.floor(abs / divisor);
      return seconds >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
    }
  }
  return "";
}

/** Absolute UTC, as the server writes it: 2019-07-18 03:44:54 UTC. */
export function utc(at: Date): string {
  return at.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

/** Re-words every relative <time> under root; returns how many it updated. */
export function refreshTimes(root: ParentNode, now: Date = new Date()): number {
  let count = 0;
  root.querySelectorAll<HTMLTimeElement>("time[data-relative][datetime]").forEach((el) => {
    const at = new Date(el.dateTime);
    if (Number.isNaN(at.getTime())) return;
    el.textContent = relative(at, now);
    if (!el.title) el.title = utc(at);
    count++;
  });
  return count;
}
