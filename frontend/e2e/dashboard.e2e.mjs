// The dashboard in a real browser: the packaged jar in demo mode, Debian's Chromium, each page
// screenshotted and checked with axe-core. Run by `npm run e2e` (the Maven profile e2e).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launchChromium, screenshot, seriousViolations } from "./browser.mjs";
import { startDashboard } from "./server.mjs";

const STOPPED_WITHIN_MS = 30_000;
let dashboard;
let browser;

before(async () => {
  // The tasks page refreshes itself every 2 s here (10 s by default), so a test sees it happen.
  dashboard = await startDashboard(["--dashboard.web.live-refresh=2s"]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await dashboard?.stop();
});

/** A fresh browser context (its own cookies), in the given colour scheme. */
async function newPage(colorScheme = "light") {
  const context = await browser.newContext({ baseURL: dashboard.baseUrl, colorScheme });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on("pageerror", (error) => assert.fail(`script error on ${page.url()}: ${error.message}`));
  return page;
}

/** Every page a test visits: a screenshot, and no serious or critical accessibility violation. */
async function check(page, name) {
  await screenshot(page, name);
  assert.deepEqual(await seriousViolations(page), [], `accessibility of ${name} (${page.url()})`);
}

async function signIn(page, user) {
  await page.goto("/clusters");
  await page.waitForURL(/\/login/);
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password").fill(user);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/clusters");
}

/** The IDs of the running tasks listed on a cluster's first tasks page. */
async function runningTaskIds(page, cluster) {
  await page.goto(`/clusters/${cluster}/tasks`);
  return page.locator("table.tasks tbody tr").evaluateAll((rows) =>
    rows.filter((r) => r.textContent.includes("RUNNING")).map((r) => r.id.replace(/^task-/, "")),
  );
}

describe("signing in and out", () => {
  it("signs in with the login form and out with the button", async () => {
    const page = await newPage();
    await page.goto("/clusters");
    await page.waitForURL(/\/login/);
    await check(page, "login");

    await page.getByLabel("User name").fill("viewer");
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Wrong user name or password.").waitFor();
    await check(page, "login-rejected");

    await page.getByLabel("Password").fill("viewer");
    await page.getByLabel("User name").fill("viewer");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/clusters");
    assert.match(await page.locator(".who").innerText(), /Signed in as viewer/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login\?logout/);
    await page.getByText("You have signed out.").waitFor();
    await check(page, "signed-out");
    await page.goto("/clusters");
    await page.waitForURL(/\/login/);
    await page.context().close();
  });
});

describe("browsing", () => {
  it("goes from the clusters to a cluster's tasks to a task", async () => {
    const page = await newPage();
    await signIn(page, "operator");
    await check(page, "clusters");
    await page.getByRole("link", { name: "prod-web", exact: true }).click();
    await page.waitForURL(/\/clusters\/prod-web\/tasks$/);
    await page.getByRole("heading", { name: "Tasks of prod-web" }).waitFor();
    await check(page, "tasks-prod-web");

    const first = page.locator("table.tasks tbody tr").first();
    const taskId = (await first.getAttribute("id")).replace(/^task-/, "");
    await first.locator("td a code").first().click();
    await page.waitForURL(new RegExp(`/clusters/prod-web/tasks/${taskId}$`));
    await page.getByRole("heading", { name: new RegExp(taskId) }).waitFor();
    await check(page, "task-detail");

    // Copy buttons are shown once the script runs; the ARN of the task is on the page.
    assert.ok(await page.locator("button[data-copy]").first().isVisible());
    await page.context().close();
  });

  it("filters on the server and in place, and pages past the first 100 tasks", async () => {
    const page = await newPage();
    await signIn(page, "viewer");
    await page.goto("/clusters/prod-web/tasks");
    const rows = page.locator("table.tasks tbody tr");
    assert.equal(await rows.count(), 100);
    await page.getByText("Page 1: 100 tasks").waitFor();

    // Page 2: the tasks past the first 100.
    const firstPageIds = await rows.evaluateAll((trs) => trs.map((r) => r.id));
    await page.getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(/page=/);
    await page.getByText(/^Page 2: \d+ tasks/).waitFor();
    const secondPageIds = await rows.evaluateAll((trs) => trs.map((r) => r.id));
    assert.ok(secondPageIds.length > 0);
    assert.deepEqual(secondPageIds.filter((id) => firstPageIds.includes(id)), []);
    await check(page, "tasks-page-2");

    // A server-side filter: the service of the first task.
    await page.goto("/clusters/prod-web/tasks");
    const serviceOf = (trs) => trs.map((r) => r.querySelector("a[href*='serviceName=']")?.textContent.trim());
    const service = (await rows.evaluateAll(serviceOf)).find(Boolean);
    assert.ok(service, "a task of a service on the first page");
    await page.getByLabel("Service", { exact: true }).fill(service);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(new RegExp(`serviceName=${service}`));
    const services = await rows.evaluateAll(serviceOf);
    assert.ok(services.length > 0);
    assert.deepEqual([...new Set(services)], [service]);
    await check(page, "tasks-filtered");

    // The in-place filter ("f" focuses it) and a sort by a column header.
    await page.goto("/clusters/prod-web/tasks");
    await page.keyboard.press("f");
    const box = page.getByLabel("Filter rows");
    assert.equal(await box.evaluate((el) => el === document.activeElement), true);
    const someId = (await rows.nth(3).getAttribute("id")).replace(/^task-/, "").slice(0, 8);
    await box.fill(someId);
    assert.equal(await page.locator("table.tasks tbody tr:not([hidden])").count(), 1);
    await page.getByText("1 of 100 rows shown").waitFor();
    await box.fill("");
    await page.getByRole("button", { name: "Task definition" }).click();
    assert.equal(await page.locator("th[aria-sort=ascending]").innerText(), "Task definition");
    await check(page, "tasks-sorted");
    await page.context().close();
  });

  it("goes to a task by ID (with \"/\") and by ARN", async () => {
    const page = await newPage();
    await signIn(page, "viewer");
    const [id] = await runningTaskIds(page, "default");

    await page.keyboard.press("/");
    assert.equal(await page.locator("#go-task").evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type(id);
    await page.locator("#go-cluster").fill("default");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/clusters/default/tasks/${id}$`));
    await check(page, "go-to-task-by-id");

    const [prodId] = await runningTaskIds(page, "prod-web");
    await page.goto(`/clusters/prod-web/tasks/${prodId}`);
    const arn = await page.locator(`button[data-copy*="task/prod-web/${prodId}"]`).first().getAttribute("data-copy");
    assert.match(arn, /^arn:aws:ecs:[a-z0-9-]+:\d{12}:task\/prod-web\/[0-9a-f]{32}$/);
    await page.goto("/clusters");
    await page.locator("#go-task").fill(arn);
    await page.locator("#go-cluster").fill("");
    await page.getByRole("button", { name: "Go", exact: true }).click();
    await page.waitForURL(new RegExp(`/clusters/prod-web/tasks/${prodId}$`));
    await check(page, "go-to-task-by-arn");

    await page.goto("/go?task=not-a-task");
    await page.getByText("That is not a task reference the dashboard can open.").waitFor();
    await check(page, "go-to-task-rejected");
    await page.context().close();
  });

  it("refreshes the tasks table in place, says when that fails, and recovers", async () => {
    const page = await newPage();
    await signIn(page, "viewer");
    await page.goto("/clusters/default/tasks");
    await page.evaluate(() => (window.e2eSamePage = true));
    const status = page.locator(".live-status");
    await status.filter({ hasText: /^Updated \d\d:\d\d:\d\d$/ }).waitFor();

    // ECS (or the network) fails: the refreshes answer 503, the table stays and the page says so.
    const failing = (route) =>
      route.request().resourceType() === "fetch" ? route.fulfill({ status: 503, body: "busy" }) : route.continue();
    await page.route("**/clusters/default/tasks", failing);
    await page.locator(".live-status.failed", { hasText: /^Refresh failed at \d\d:\d\d:\d\d \(HTTP 503\); showing data from/ }).waitFor();
    assert.ok((await page.locator("table.tasks tbody tr").count()) > 0);
    await check(page, "tasks-refresh-failed");

    await page.unroute("**/clusters/default/tasks", failing);
    await page.locator(".live-status:not(.failed)", { hasText: /^Updated / }).waitFor();
    assert.equal(await page.evaluate(() => window.e2eSamePage), true, "no reload");
    await page.context().close();
  });

  it("shows the keyboard shortcuts on \"?\", in the dark theme too", async () => {
    const page = await newPage("dark");
    await signIn(page, "viewer");
    await check(page, "clusters-dark");
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    await check(page, "shortcuts-help");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await page.goto("/clusters/default/tasks");
    await check(page, "tasks-dark");
    await page.context().close();
  });
});

describe("stopping tasks", () => {
  it("stops a task with a reason and follows it to STOPPED in place", async () => {
    const page = await newPage();
    await signIn(page, "operator");
    const [id] = await runningTaskIds(page, "default");
    await page.goto(`/clusters/default/tasks/${id}`);
    await check(page, "task-running-operator");
    await page.getByRole("link", { name: "Stop task…" }).click();
    await page.waitForURL(/\/stop$/);
    await check(page, "stop-confirm");

    await page.getByLabel(/^Reason/).fill("e2e: checking the stop flow");
    await page.getByRole("button", { name: "Stop task", exact: true }).click();
    await page.waitForURL(new RegExp(`/clusters/default/tasks/${id}$`));
    await page.getByText(/Stop sent/).waitFor();
    await check(page, "task-stopping");

    // No reload from here on: the live region follows the task in place.
    await page.evaluate(() => (window.e2eSamePage = true));
    const reason = page.locator("section.stop td", { hasText: "operator: e2e: checking the stop flow" });
    await reason.waitFor({ timeout: STOPPED_WITHIN_MS });
    await page.locator("#task-live .task-headline .status-stopped", { hasText: "STOPPED" }).waitFor({ timeout: STOPPED_WITHIN_MS });
    assert.equal(await page.evaluate(() => window.e2eSamePage), true, "the page refreshed in place");
    assert.match(await page.locator(".live-status").innerText(), /^Updated \d\d:\d\d:\d\d$/);
    assert.equal(await page.getByRole("link", { name: "Stop task…" }).count(), 0);
    await check(page, "task-stopped");

    await page.goto("/activity");
    await page.locator("table.activity tbody tr", { hasText: id }).first().waitFor();
    await check(page, "activity");
    await page.context().close();
  });

  it("rejects a reason with invisible characters and keeps what was typed", async () => {
    const page = await newPage();
    await signIn(page, "operator");
    const [id] = await runningTaskIds(page, "default");
    await page.goto(`/clusters/default/tasks/${id}/stop`);
    const typed = "draining\u202Enode";
    await page.getByLabel(/^Reason/).fill(typed);
    await page.getByRole("button", { name: "Stop task", exact: true }).click();
    await page.locator(".errors li").first().waitFor();
    assert.match(await page.locator(".errors").innerText(), /control or invisible characters/);
    assert.equal(await page.getByLabel(/^Reason/).inputValue(), typed);
    assert.equal(await page.getByLabel(/^Reason/).getAttribute("aria-invalid"), "true");
    await check(page, "stop-reason-rejected");

    await page.goto(`/clusters/default/tasks/${id}`);
    await page.locator(".task-headline .status-running").waitFor();
    await page.context().close();
  });

  it("stops selected tasks in bulk, and the tasks page keeps the selection while it refreshes", async () => {
    const page = await newPage();
    await signIn(page, "operator");
    const ids = (await runningTaskIds(page, "staging-batch")).slice(0, 2);
    assert.equal(ids.length, 2);
    for (const id of ids) await page.getByLabel(`Select task ${id}`).check();

    // The table refreshes in place (every 2 s here): the ticks stay.
    await page.locator(".live-status", { hasText: /^Updated / }).waitFor({ timeout: 15_000 });
    for (const id of ids) assert.equal(await page.getByLabel(`Select task ${id}`).isChecked(), true);
    await check(page, "tasks-selected");

    await page.getByRole("button", { name: "Stop selected…" }).click();
    await page.waitForURL(/\/bulk-stop\?/);
    await check(page, "bulk-confirm");
    await page.getByLabel(/^Reason/).fill("e2e bulk stop");
    await page.getByRole("button", { name: "Stop tasks" }).click();
    await page.waitForURL(/\/bulk-stop\/[^/?]+$/);
    await page.getByText("Done.").waitFor({ timeout: STOPPED_WITHIN_MS });
    const outcomes = await page.locator("table.data tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.outcome));
    assert.deepEqual(outcomes, ["STOPPED", "STOPPED"]);
    await check(page, "bulk-result");
    await page.context().close();
  });

  it("shows a viewer no stop control and refuses the viewer's crafted stop", async () => {
    const page = await newPage();
    await signIn(page, "viewer");
    const [id] = await runningTaskIds(page, "default");
    assert.equal(await page.locator("input[type=checkbox][name=task]").count(), 0);
    assert.equal(await page.getByRole("button", { name: "Stop selected…" }).count(), 0);
    await check(page, "tasks-viewer");
    await page.goto(`/clusters/default/tasks/${id}`);
    assert.equal(await page.getByRole("link", { name: "Stop task…" }).count(), 0);
    await check(page, "task-viewer");

    // A stop POST with the viewer's own valid CSRF token (from the sign-out form).
    const status = await page.evaluate(async (taskId) => {
      const csrf = document.querySelector("form[action$='/logout'] input[name=_csrf]").value;
      const body = new URLSearchParams({ reason: "crafted", _csrf: csrf });
      const response = await fetch(`/clusters/default/tasks/${taskId}/stop`, { method: "POST", body, redirect: "manual" });
      return response.status;
    }, id);
    assert.equal(status, 403);

    await page.reload();
    await page.locator(".task-headline .status-running").waitFor();
    await page.context().close();
  });
});
