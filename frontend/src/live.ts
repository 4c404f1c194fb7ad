// Live regions: a page marks the part whose data moves with data-live="<seconds>" (0: still) and
// an id. Every interval this fetches the same URL, and swaps that region for the fresh one,
// keeping the ticked checkboxes, the focus and the scroll position; it pauses while the tab is
// hidden, says when the data was last fetched, and says so when a refresh fails. The layout's
// notices ([data-live-notices], e.g. "ECS did not answer; showing data from 12 s ago") come along.

export type Fetcher = (url: string) => Promise<Response>;

export interface LiveOptions {
  fetcher?: Fetcher;
  now?: () => Date;
  /** Called with the region after each swap, to enhance the new content. */
  onSwap?: (region: HTMLElement) => void;
}

/** hh:mm:ss in the browser's time zone. */
export function clock(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

/** The refresh interval a region asks for, in milliseconds; 0 when it is still. */
export function intervalOf(region: Element): number {
  const seconds = Number(region.getAttribute("data-live"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function controlKey(el: Element): string | null {
  if (el.id) return `#${el.id}`;
  const name = el.getAttribute("name");
  if (name === null) return null;
  return `${el.tagName}|${name}|${el.getAttribute("value") ?? ""}`;
}

/**
 * Replaces the region's content and data-live with the fresh region's, keeping which checkboxes
 * were ticked, the focused control and the scroll position.
 */
export function swapRegion(region: HTMLElement, fresh: Element): void {
  const ticked = new Map<string, boolean>();
  region.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((box) => {
    const key = controlKey(box);
    if (key) ticked.set(key, box.checked);
  });
  const active = region.ownerDocument.activeElement;
  const focusKey = active && region.contains(active) ? controlKey(active) : null;
  const { scrollX, scrollY } = window;

  region.replaceChildren(...Array.from(fresh.childNodes).map((n) => region.ownerDocument.importNode(n, true)));
  region.setAttribute("data-live", fresh.getAttribute("data-live") ?? "0");

  region.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((box) => {
    const key = controlKey(box);
    if (key && ticked.has(key)) box.checked = ticked.get(key)!;
  });
  if (focusKey) {
    const again = Array.from(region.querySelectorAll<HTMLElement>("[id],[name]")).find((el) => controlKey(el) === focusKey);
    again?.focus({ preventScroll: true });
  }
  window.scrollTo(scrollX, scrollY);
}

/** Replaces the page's notices with those of the fresh page (none when it has none). */
function syncNotices(page: Document, fresh: Document): void {
  const notices = page.querySelector("[data-live-notices]");
  if (!notices) return;
  const freshNotices = fresh.querySelector("[data-live-notices]");
  notices.replaceChildren(...Array.from(freshNotices?.childNodes ?? []).map((n) => page.importNode(n, true)));
}

/** Follows one region of the page. */
export class LiveRegion {
  readonly status: HTMLElement;
  private timer: number | undefined;
  private inFlight = false;
  private due = false;
  private lastSuccess: Date | undefined;
  private readonly fetcher: Fetcher;
  private readonly now: () => Date;

  constructor(
    readonly region: HTMLElement,
    private readonly options: LiveOptions = {},
  ) {
    this.fetcher = options.fetcher ?? ((url) => fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "text/html" } }));
    this.now = options.now ?? (() => new Date());
    const doc = region.ownerDocument;
    this.status = doc.createElement("p");
    this.status.className = "live-status";
    this.status.setAttribute("aria-live", "off");
    this.status.textContent = `Updates itself every ${intervalOf(region) / 1000} s.`;
    region.before(this.status);
    doc.addEventListener("visibilitychange", () => {
      if (!doc.hidden && this.due) void this.refresh();
    });
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.stop();
    const interval = intervalOf(this.region);
    if (interval <= 0) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      if (this.region.ownerDocument.hidden) {
        this.due = true; // refreshed when the tab is shown again
      } else {
        void this.refresh();
      }
    }, interval);
  }

  /** Fetches the page now and swaps the region; true when it did. */
  async refresh(): Promise<boolean> {
    if (this.inFlight) return false;
    this.inFlight = true;
    this.due = false;
    this.stop();
    try {
      const response = await this.fetcher(this.region.ownerDocument.location.href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const html = await response.text();
      const fresh = new DOMParser().parseFromString(html, "text/html").getElementById(this.region.id);
      if (!fresh) throw new Error("the page came back without this data: are you still signed in?");
      const doc = fresh.ownerDocument;
      swapRegion(this.region, fresh);
      syncNotices(this.region.ownerDocument, doc);
      this.lastSuccess = this.now();
      this.status.classList.remove("failed");
      // Routine updates are not read out every few seconds; a failure is.
      this.status.setAttribute("aria-live", "off");
      this.status.textContent = `Updated ${clock(this.lastSuccess)}`;
      this.options.onSwap?.(this.region);
      return true;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const since = this.lastSuccess ? `; showing data from ${clock(this.lastSuccess)}` : "";
      this.status.classList.add("failed");
      this.status.setAttribute("aria-live", "polite");
      this.status.textContent = `Refresh failed at ${clock(this.now())} (${why})${since}. Retrying.`;
      return false;
    } finally {
      this.inFlight = false;
      this.schedule();
    }
  }
}
