// Embedding: ?embed=1 drops the app chrome but keeps the view and its controls, lock= makes
// controls read-only (lock=all: a fixed figure), controls= picks which show, the page reports
// its height to the course page, and the Embed dialog writes the snippet: pasted into a page of
// another origin, it sizes itself (embed.js from the Skyscale host follows the frame's height).
import { test, expect } from "./fixtures.mjs";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

test("embed=1: no chrome, the view, and an 'open in Skyscale' link without embed keys", async ({ page }) => {
  await page.goto("./?view=stack&lang=en&embed=1&lock=cell&controls=step");
  await expect(page.getByTestId("stack-diagram").locator("svg")).toBeVisible();
  await expect(page.locator(".app-bar")).toHaveCount(0);
  await expect(page.locator(".site-footer")).toHaveCount(0);
  const link = page.getByTestId("open-in-skyscale");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", /noopener/);
  const href = new URL(await link.getAttribute("href"), page.url());
  expect(href.pathname).toBe(new URL(page.url()).pathname);
  expect([...href.searchParams.keys()].sort()).toEqual(["lang"]);
});

test("lock=all is a fixed figure: controls disabled and the scenario cannot move", async ({ page }) => {
  await page.goto("./?view=scaling&lang=en&peak=2000&embed=1&lock=all");
  const peak = page.locator("#ctl-peak");
  await expect(peak).toBeDisabled();
  await expect(page.locator("#ctl-pattern")).toBeDisabled();
  await expect(page.locator("#ctl-cpu")).toBeDisabled();
  // Even a script-driven input cannot change the scenario.
  await peak.evaluate((el) => {
    el.disabled = false;
    el.value = "10";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForTimeout(200);
  expect(new URL(page.url()).searchParams.get("peak")).toBe("2000");
  await expect(page.getByTestId("export-lanes")).toBeEnabled();
});

test("lock= and controls= pick single controls", async ({ page }) => {
  await page.goto("./?view=scaling&lang=en&embed=1&lock=peak&controls=pat,peak,cpu");
  await expect(page.locator("#ctl-peak")).toBeDisabled();
  await expect(page.locator("#ctl-pattern")).toBeEnabled();
  await expect(page.locator("#ctl-cpu")).toBeVisible();
  await expect(page.locator("#ctl-memory")).toBeHidden();
  await expect(page.locator("#ctl-vm")).toBeHidden();
  await page.locator("#ctl-pattern").selectOption("steady");
  await expect.poll(() => new URL(page.url()).searchParams.get("pat")).toBe("steady");
});

test("works at 320 px: nothing wider than the frame", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto("./?view=stack&lang=ko&embed=1");
  await expect(page.getByTestId("stack-diagram").locator("svg")).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});

test("the Embed dialog: labelled, modal, Escape closes, snippet for the options", async ({ page }) => {
  await page.goto("./?view=scaling&lang=en&peak=700");
  await page.getByTestId("embed-open").click();
  const dialog = page.getByRole("dialog", { name: "Embed this view in a course page" });
  await expect(dialog).toBeVisible();
  const snippet = page.getByTestId("embed-snippet");
  await expect(snippet).toHaveValue(/<iframe src="[^"]*\?view=scaling&amp;lang=en&amp;peak=700&amp;embed=1"/);
  await page.getByTestId("embed-fixed").check();
  await expect(snippet).toHaveValue(/embed=1&amp;lock=all/);
  await page.getByTestId("embed-live").check();
  await page.getByTestId("embed-controls").fill("peak, pat, nonsense");
  await expect(snippet).toHaveValue(/controls=pat%2Cpeak/);
  // A name the page has no control for is left out, and the dialog says which.
  await expect(page.getByTestId("embed-controls-unknown")).toHaveText(/not a name on this page: nonsense\./);
  await expect(page.getByTestId("embed-lock-unknown")).toHaveCount(0);
  await page.getByTestId("embed-lock").fill("hop, peak");
  await expect(page.getByTestId("embed-lock-unknown")).toContainText(": hop.");
  await page.getByTestId("embed-lock").fill("peak");
  await expect(page.getByTestId("embed-lock-unknown")).toHaveCount(0);
  // Names in capitals are the same names, and `all` (as the README's lock=all) fixes the figure.
  await page.getByTestId("embed-controls").fill("PEAK, Pat");
  await expect(snippet).toHaveValue(/controls=pat%2Cpeak/);
  await expect(page.getByTestId("embed-controls-unknown")).toHaveCount(0);
  await page.getByTestId("embed-lock").fill("all");
  await expect(snippet).toHaveValue(/lock=all/);
  await expect(page.getByTestId("embed-lock-unknown")).toHaveCount(0);
  await page.getByTestId("embed-lock").fill("peak");
  await expect(page.getByTestId("embed-plain-link")).toHaveAttribute("href", /\?view=scaling&lang=en&peak=700$/);
  // Focus stays inside the modal dialog.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("the Embed dialog lists this view's names, with what each control is called", async ({ page }) => {
  await page.goto("./?view=scaling&lang=en");
  await page.getByTestId("embed-open").click();
  const keys = page.getByTestId("embed-keys");
  await keys.locator("summary").click();
  // The scaling view's controls, by the names a lecturer types, with what they are called.
  await expect(keys.locator("li[data-key=peak]")).toHaveText("peak Peak traffic");
  await expect(keys.locator("li[data-key=t]")).toContainText("Time of day");
  await expect(keys.locator("li[data-key=ctr]")).toContainText("Containers (PaaS) · Service");
  // Names of other views are not offered here.
  await expect(keys.locator("li[data-key=hop]")).toHaveCount(0);
  await expect(keys.locator("li[data-key=step]")).toHaveCount(0);
  // Every name listed is one the lists take: typed in, it reaches the snippet.
  const names = await keys.locator("li").evaluateAll((els) => els.map((e) => e.dataset.key));
  expect(names.length).toBeGreaterThan(20);
  await page.getByTestId("embed-lock").fill(names.join(","));
  const src = new URL((await page.getByTestId("embed-snippet").inputValue()).match(/src="([^"]+)"/)[1].replace(/&amp;/g, "&"));
  expect(src.searchParams.get("lock").split(",").sort()).toEqual([...names].sort());
  await page.keyboard.press("Escape");

  // The stack's names include the clicks on its diagram; in Korean.
  await page.goto("./?view=stack&lang=ko");
  await page.getByTestId("embed-open").click();
  await page.getByTestId("embed-keys").locator("summary").click();
  for (const key of ["step", "cell", "col"]) {
    await expect(page.locator(`[data-testid=embed-keys] li[data-key=${key}]`)).toBeVisible();
  }
  await expect(page.locator("[data-testid=embed-keys] li[data-key=cell]")).toContainText("선택한 칸");
  await expect(page.locator("[data-testid=embed-keys] li[data-key=peak]")).toHaveCount(0);
});

test("a lead invites only what the embed lets a student do", async ({ page }) => {
  await page.goto("./?view=scaling&lang=en&embed=1&controls=peak");
  await expect(page.locator(".view-lead")).toContainText("Drag the peak traffic");
  await expect(page.locator(".view-lead")).not.toContainText("Play");
  await expect(page.getByTestId("play")).toBeHidden();
  await page.goto("./?view=scaling&lang=ko&embed=1&lock=all");
  await expect(page.locator(".view-lead")).not.toContainText("끌어");
  await expect(page.locator(".view-lead")).not.toContainText("재생");
  await page.goto("./?view=msa&lang=en&embed=1&lock=fail");
  await expect(page.locator(".view-lead")).not.toContainText("click a module");
  await expect(page.locator(".view-lead")).toContainText("Deploy a new version");
});

test("the panels' hints invite only what the embed allows, and a locked figure says so in words", async ({ page }) => {
  const hint = page.getByTestId("layer-hint");
  await page.goto("./?view=stack&lang=en&embed=1&lock=cell,col");
  await expect(hint).toHaveText("Each cell says who manages that layer under that model: you, or the provider.");
  await expect(page.getByTestId("embed-locked")).toHaveText("Controls with a dashed outline are fixed by the course page.");
  await page.goto("./?view=stack&lang=en&embed=1&lock=col");
  await expect(hint).toContainText("any cell");
  await expect(hint).not.toContainText("column");
  await page.goto("./?view=stack&lang=ko&embed=1");
  await expect(hint).toContainText("열 이름");
  await expect(page.getByTestId("embed-locked")).toHaveCount(0);
  await page.goto("./?view=msa&lang=en&embed=1&lock=fail,deploy");
  await expect(page.getByTestId("blast-summary")).toHaveText("Nothing has failed: every feature works in both architectures.");
  await expect(page.getByTestId("deploy-hint")).toHaveText("No deploy is under way: every replica serves.");
  await page.goto("./?view=msa&lang=ko&embed=1&lock=all");
  await expect(page.getByTestId("blast-summary")).not.toContainText("누르");
  await expect(page.getByTestId("embed-locked")).toHaveText("강의 페이지가 이 그림을 고정했습니다. 여기서는 설정이 바뀌지 않습니다.");
  // A locked control is drawn at full strength (it shows the value the figure is about).
  await expect(page.locator("button[disabled][aria-disabled=true]").first()).toHaveCSS("opacity", "1");
});

test("a fixed figure leaves the keyboard no dead stops in its diagrams", async ({ page }) => {
  await page.goto("./?view=stack&lang=en&embed=1&lock=all");
  const stack = page.getByTestId("diagram-stack").locator("svg");
  await expect(stack).toBeVisible();
  await expect(stack.locator("[tabindex]")).toHaveCount(0);
  await expect(stack.locator("[role=button]")).toHaveCount(0);
  // Unlocked, every cell, header and facility band is a button.
  await page.goto("./?view=stack&lang=en");
  await expect(page.getByTestId("diagram-stack").locator("svg [role=button]")).toHaveCount(5 + 45 + 5);
  await page.goto("./?view=msa&lang=en&embed=1&lock=fail");
  await expect(page.getByTestId("diagram-microservices").locator("svg")).toBeVisible();
  await expect(page.locator("[data-testid^=diagram-] svg [tabindex]")).toHaveCount(0);
});

test("embed-demo.html: two frames render, size themselves, and the locked one is fixed", async ({ page }) => {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("./embed-demo.html");
    for (const id of ["fig-locked", "fig-live"]) {
      const iframe = page.locator(`#${id}`);
      await iframe.scrollIntoViewIfNeeded();
      const frame = page.frameLocator(`#${id}`);
      await expect(frame.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
      await expect(frame.getByTestId("open-in-skyscale")).toBeVisible();
      // embed.js sized the frame to the height the frame reported: no inner scrollbar.
      await expect.poll(() => fit(iframe)).toEqual({ scrolls: false, gap: 0 });
    }
    const locked = page.frameLocator("#fig-locked");
    await expect(locked.locator("#ctl-peak")).toBeDisabled();
    await expect(locked.locator("#ctl-pattern")).toBeDisabled();
    const live = page.frameLocator("#fig-live");
    await expect(live.locator("#ctl-peak")).toBeEnabled();
    await expect(live.locator("#ctl-cpu")).toBeHidden();
    await page.locator("#fig-locked").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/output/embed-demo-${width}.png`, fullPage: true });
  }
});

// ---- The snippet on a course page of another origin ------------------------------------------

/** How a frame's content fits it: whether it scrolls inside, and how much taller the frame's
 *  viewport (inside its border and padding) is than the content. */
async function fit(iframe) {
  return iframe.contentFrame().locator("html").evaluate((el) => ({
    scrolls: el.scrollHeight > window.innerHeight || window.innerWidth > el.clientWidth,
    gap: window.innerHeight - Math.ceil(el.getBoundingClientRect().height),
  }));
}

/** A server on another origin (another port) serving `pages` ({path: html}). */
async function courseSite(pages) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    // A course site has an icon of its own (the browser asks for it).
    if (path === "/favicon.ico") return res.writeHead(204).end();
    const body = pages[path];
    res.writeHead(body === undefined ? 404 : 200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** A page of its own for a course site: fails the test on a console error or warning, or on a
 *  request to any origin but Skyscale's and the course site's. Records every height message the
 *  course page receives. */
async function coursePage(browser, baseURL, site, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const allowed = [new URL(baseURL).origin, site.origin];
  const problems = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!/^(data|blob):/.test(url) && !allowed.includes(new URL(url).origin)) problems.push(`request: ${url}`);
  });
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__heights = [];
    window.addEventListener("message", (e) => {
      if (e.data?.type === "skyscale:resize") window.__heights.push(e.data.height);
    });
  });
  return { page, problems, close: () => context.close() };
}

/** The Embed dialog's snippet for `query`, exactly as the dialog shows it (and copies it). */
async function snippetFor(page, query, options = async () => {}) {
  await page.goto(`./?${query}`);
  await page.getByTestId("embed-open").click();
  await options(page);
  return page.getByTestId("embed-snippet").inputValue();
}

/** The dialog's snippet once the dialog has measured the embedded page for its heights. */
async function measured(page, query, options = async () => {}) {
  await snippetFor(page, query, options);
  await expect(page.getByTestId("embed-snippet")).toHaveAttribute("data-measured", "1", { timeout: 20_000 });
  return page.getByTestId("embed-snippet").inputValue();
}

const course = (snippet, head = "", column = 960) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${head}<title>Week 5</title></head>
<body><main style="max-width: ${column}px; margin: 0 auto"><h1>Week 5: scaling and cost</h1>
<p>Read the lanes, then answer the questions below.</p>
${snippet}
<p>Questions: which model is cheapest?</p></main></body></html>`;

test("the dialog's snippet, pasted into a page of another origin, fits its content and follows it", async ({ page, browser, baseURL }) => {
  const snippet = await snippetFor(page, "view=scaling&lang=en&peak=700");
  // The copy button copies the same text the textarea shows.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("embed-copy").click();
  await expect(page.getByTestId("embed-copy-status")).toHaveText("Copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  expect(snippet).toMatch(/^<iframe [^>]*><\/iframe>\n<script src="[^"]+\/embed\.js" async><\/script>$/);
  expect(snippet).toContain(' allow="clipboard-write"');

  const skyscale = new URL(baseURL).origin;
  const site = await courseSite({
    "/plain.html": course(snippet),
    // A strict page (as LMS themes are): scripts and frames only from itself and Skyscale,
    // and boxes sized by their border, with a border on frames.
    "/strict.html": course(
      snippet,
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${skyscale}; frame-src ${skyscale}; style-src 'self' 'unsafe-inline'">
       <style>*, *::before, *::after { box-sizing: border-box } iframe { border: 3px solid #999 !important; padding: 2px }</style>`,
    ),
  });
  try {
    for (const [path, width] of [["/plain.html", 960], ["/strict.html", 720]]) {
      const cp = await coursePage(browser, baseURL, site, { width, height: 800 });
      await cp.page.goto(site.origin + path);
      const iframe = cp.page.locator("iframe");
      const frame = iframe.contentFrame();
      await expect(frame.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
      await expect.poll(() => fit(iframe), { message: path }).toEqual({ scrolls: false, gap: 0 });
      // A control that makes the content taller, then shorter again (the containers' settings,
      // closed at first, in the tallest column): the frame follows both.
      const before = await iframe.evaluate((f) => f.clientHeight);
      const settings = frame.locator("summary", { hasText: "Containers (PaaS)" });
      await settings.click();
      await expect.poll(() => iframe.evaluate((f) => f.clientHeight)).toBeGreaterThan(before + 200);
      await expect.poll(() => fit(iframe), { message: `${path}, settings open` }).toEqual({ scrolls: false, gap: 0 });
      await settings.click();
      await expect.poll(() => fit(iframe), { message: `${path}, settings closed` }).toEqual({ scrolls: false, gap: 0 });
      expect(await iframe.evaluate((f) => f.clientHeight)).toBe(before);
      // Copy SVG works inside the frame on the course page (the snippet lets the frame write
      // to the clipboard; without it the browser refuses a frame of another origin).
      await cp.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      await frame.getByTestId("export-more-lanes").locator("summary").click();
      await frame.getByTestId("copy-lanes").click();
      await expect(frame.getByTestId("export-status-lanes")).toHaveText("SVG copied to the clipboard.");
      expect(await cp.page.evaluate(() => navigator.clipboard.readText())).toMatch(/<svg[\s\S]*<\/svg>/);
      // Every height the frame reported was a laid-out one: never 0.
      const heights = await cp.page.evaluate(() => window.__heights);
      expect(heights.length).toBeGreaterThan(0);
      expect(Math.min(...heights), `${path}: ${heights}`).toBeGreaterThan(300);
      await cp.page.screenshot({ path: `tests/output/embed-snippet-${width}.png` });
      await cp.close();
      expect(cp.problems, path).toEqual([]);
    }
  } finally {
    site.close();
  }
});

test("a snippet whose script arrives late still sizes its frame", async ({ page, browser, baseURL }) => {
  const snippet = await snippetFor(page, "view=stack&lang=en");
  const site = await courseSite({ "/late.html": course(snippet) });
  const cp = await coursePage(browser, baseURL, site, { width: 960, height: 800 });
  // embed.js is held back until the frame has drawn and reported its height to nobody.
  let release;
  const held = new Promise((ok) => (release = ok));
  await cp.page.route("**/embed.js", async (route) => {
    await held;
    await route.continue();
  });
  try {
    await cp.page.goto(site.origin + "/late.html", { waitUntil: "commit" });
    const iframe = cp.page.locator("iframe");
    await expect(iframe.contentFrame().getByTestId("stack-diagram").locator("svg")).toBeVisible();
    await expect.poll(() => cp.page.evaluate(() => window.__heights.length)).toBeGreaterThan(0);
    const reported = await cp.page.evaluate(() => window.__heights.length);
    release();
    await expect.poll(() => fit(iframe)).toEqual({ scrolls: false, gap: 0 });
    // The script asked for nothing: the frame sent its height again because its viewport changed.
    expect(await cp.page.evaluate(() => window.__heights.length)).toBeGreaterThan(reported);
  } finally {
    await cp.close();
    site.close();
  }
  expect(cp.problems).toEqual([]);
});

test("a course page that strips scripts still shows the whole view: at 960 px as pasted, at 720 and 360 px with the heights the dialog gives", async ({ page, browser, baseURL }) => {
  const views = ["stack", "scaling", "msa", "fit"];
  const pages = {};
  const heights = {};
  for (const view of views) {
    const snippet = await measured(page, `view=${view}&lang=ko`);
    const height = snippet.match(/ height="(\d+)"/)[1];
    // The dialog says what happens then, with the height the snippet gives and the ones a
    // column 720 px wide and a phone 360 px wide need.
    const note = page.getByTestId("embed-resize-note");
    await expect(note).toContainText(`${height}px`);
    const [narrow, phone] = [...(await note.textContent()).matchAll(/height="(\d+)"/g)].map((m) => m[1]);
    heights[view] = { 960: Number(height), 720: Number(narrow), 360: Number(phone) };
    const bare = snippet.replace(/\n<script[\s\S]*$/, "");
    pages[`/${view}-960.html`] = course(bare);
    pages[`/${view}-720.html`] = course(bare.replace(/ height="\d+"/, ` height="${narrow}"`), "", 720);
    pages[`/${view}-360.html`] = course(bare.replace(/ height="\d+"/, ` height="${phone}"`), "", 360);
  }
  const site = await courseSite(pages);
  // A course column exactly 960 px (or 720 px) wide on a laptop's screen.
  const cp = await coursePage(browser, baseURL, site, { width: 1280, height: 900 });
  try {
    for (const [view, width] of views.flatMap((v) => [[v, 960], [v, 720], [v, 360]])) {
      await cp.page.goto(`${site.origin}/${view}-${width}.html`);
      const iframe = cp.page.locator("iframe");
      await expect(iframe.contentFrame().getByTestId(`view-${view}`)).toBeVisible();
      await cp.page.waitForTimeout(300);
      const { scrolls, gap } = await fit(iframe);
      // The height holds the view, with a line or two of room, not a screen of blank space
      // (the dialog once gave 5,120 px for 4,918 px of content, and 26 px too few for another).
      expect(await iframe.evaluate((f) => f.clientWidth), view).toBe(width);
      expect(scrolls, `${view} at ${width} px`).toBe(false);
      expect(gap, `${view} at ${width} px`).toBeLessThanOrEqual(heights[view][width] / 50 + 40);
    }
  } finally {
    await cp.close();
    site.close();
  }
  expect(cp.problems).toEqual([]);
});

test("the snippet's height follows what the embed shows: only the peak slider, a locked figure", async ({ page, browser, baseURL }) => {
  const cases = [
    ["scaling", (p) => p.getByTestId("embed-controls").fill("peak")],
    ["scaling", (p) => p.getByTestId("embed-controls").fill("peak,pat")],
    ["msa", (p) => p.getByTestId("embed-controls").fill("fail")],
    ["fit", (p) => p.getByTestId("embed-fixed").check()],
  ];
  const pages = {};
  const heights = {};
  for (const [i, [view, options]] of cases.entries()) {
    const full = Number((await measured(page, `view=${view}&lang=en`)).match(/ height="(\d+)"/)[1]);
    const snippet = await measured(page, `view=${view}&lang=en`, options);
    const height = Number(snippet.match(/ height="(\d+)"/)[1]);
    // Fewer controls, a shorter frame (the scaling view with the peak slider alone loses a third).
    if (view !== "fit") expect(height, view).toBeLessThan(full * (view === "scaling" ? 0.8 : 0.97));
    const note = page.getByTestId("embed-resize-note");
    await expect(note).toContainText(new RegExp(`${height} ?px`));
    heights[i] = height;
    pages[`/${i}.html`] = course(snippet.replace(/\n<script[\s\S]*$/, ""));
  }
  const site = await courseSite(pages);
  // A course column exactly 960 px wide on a laptop's screen.
  const cp = await coursePage(browser, baseURL, site, { width: 1280, height: 900 });
  try {
    for (const [i, [view]] of cases.entries()) {
      await cp.page.goto(`${site.origin}/${i}.html`);
      const iframe = cp.page.locator("iframe");
      await expect(iframe.contentFrame().getByTestId(`view-${view}`)).toBeVisible();
      await cp.page.waitForTimeout(300);
      const { scrolls, gap } = await fit(iframe);
      expect(scrolls, `case ${i}: ${view}`).toBe(false);
      expect(gap, `case ${i}: ${view}`).toBeLessThanOrEqual(heights[i] / 50 + 40);
    }
  } finally {
    await cp.close();
    site.close();
  }
  expect(cp.problems).toEqual([]);
});

test("the one-file build served from the web: its snippet carries the script inline and still sizes the frame", async ({ browser }) => {
  const single = resolve(process.env.E2E_SINGLE ?? "dist-single/skyscale.html");
  test.skip(!existsSync(single), `${single} missing: run make dist-single`);
  const host = await courseSite({ "/skyscale.html": readFileSync(single, "utf8") });
  const site = await courseSite({});
  try {
    const app = await coursePage(browser, host.origin, site, { width: 1280, height: 900 });
    await app.page.goto(`${host.origin}/skyscale.html?view=fit&lang=ko`);
    await app.page.getByTestId("embed-open").click();
    const snippet = await app.page.getByTestId("embed-snippet").inputValue();
    await expect(app.page.getByTestId("embed-resize-note")).toContainText("embed.js");
    await expect(app.page.getByTestId("embed-from-file")).toHaveCount(0);
    await app.close();
    expect(app.problems).toEqual([]);
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/skyscale\.html\?view=fit&amp;lang=ko&amp;embed=1"[^>]* data-skyscale><\/iframe>\n<script>\n[\s\S]+<\/script>$/);

    const pages = { "/single.html": course(snippet) };
    const course2 = await courseSite(pages);
    const cp = await coursePage(browser, host.origin, course2, { width: 960, height: 800 });
    await cp.page.goto(`${course2.origin}/single.html`);
    const iframe = cp.page.locator("iframe");
    await expect(iframe.contentFrame().getByTestId("view-fit")).toBeVisible();
    await expect.poll(() => fit(iframe)).toEqual({ scrolls: false, gap: 0 });
    await cp.close();
    course2.close();
    expect(cp.problems).toEqual([]);
  } finally {
    host.close();
    site.close();
  }
});

// ---- Course-page widths ---------------------------------------------------------------------

/** What does not fit at this width: the page or a figure wider than its box, a label (visible,
 *  or only to a screen reader) whose control is hidden, a bar left with no control in it. */
function misfits() {
  const shown = (e) => e.checkVisibility();
  const name = (e) => e.dataset.testid || e.id || e.className || e.tagName;
  const out = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
  for (const d of document.querySelectorAll("main .diagram, main .table-wrap")) {
    if (!shown(d) || d.scrollWidth <= d.clientWidth + 1) continue;
    // Below 960 px a figure may scroll sideways in its box, but only as far as its smallest
    // text needs to stay at 9 CSS px (its --legible-width), never further.
    const svg = d.querySelector(":scope > svg");
    const legible = parseFloat(d.style.getPropertyValue("--legible-width"));
    const floor = svg && window.innerWidth < 960 && svg.getBoundingClientRect().width <= legible + 1;
    if (!floor) out.push(`clipped ${name(d)}: ${d.scrollWidth} > ${d.clientWidth}`);
  }
  const controls = "input, select, textarea, button";
  for (const label of document.querySelectorAll("main label")) {
    if (!shown(label)) continue;
    const target = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector(controls);
    if (target && !shown(target)) out.push(`label without its control: ${label.textContent.trim()}`);
  }
  for (const bar of document.querySelectorAll("main .playback")) {
    if (shown(bar) && ![...bar.querySelectorAll(controls)].some(shown)) out.push("a playback bar with no control");
  }
  return out;
}

/** The smallest text each diagram of the page draws, in CSS px: "name size" per figure. */
function smallestText() {
  return [...document.querySelectorAll("main figure.diagram")]
    .filter((fig) => fig.querySelector("svg") && fig.getBoundingClientRect().width > 0)
    .map((fig) => {
      const svg = fig.querySelector("svg");
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll("text")]
        .filter((t) => t.textContent.trim() !== "")
        .map((t) => Number(t.getAttribute("font-size")) * scale);
      return { name: fig.dataset.testid, px: Math.min(...sizes) };
    });
}

// A course page's column (issue 15: at 960 px the lanes drew 6.0 px text and the charts' axes
// 6.7 px, beside a column of controls): every diagram stays readable there.
for (const width of [960, 720]) {
  test(`every view embedded ${width} px wide draws its diagrams' text at 9 CSS px or more`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const view of ["stack", "scaling", "msa", "fit"]) {
      for (const lang of ["en", "ko"]) {
        await page.goto(`./?view=${view}&lang=${lang}&embed=1`);
        await expect(page.locator(`[data-testid=view-${view}] figure.diagram svg`).first()).toBeVisible();
        const small = (await page.evaluate(smallestText)).filter((f) => f.px < 9 - 0.05);
        expect.soft(small.map((f) => `${view} ${lang}: ${f.name} ${f.px.toFixed(1)}px`)).toEqual([]);
      }
    }
  });
}

for (const width of [960, 720]) {
  test(`every view embedded ${width} px wide: nothing clipped, no label without its control`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 900 });
    const views = { stack: "step", scaling: "pat,peak", msa: "fail", fit: "pat,peak" };
    for (const [view, some] of Object.entries(views)) {
      for (const controls of ["", `&controls=${some}`]) {
        for (const lang of ["en", "ko"]) {
          const query = `view=${view}&lang=${lang}&embed=1${controls}`;
          await page.goto(`./?${query}`);
          await expect(page.getByTestId(`view-${view}`)).toBeVisible();
          await page.waitForTimeout(150); // the locks and hidden controls apply after a paint
          expect(await page.evaluate(misfits), query).toEqual([]);
        }
      }
    }
    // controls=pat,peak in the scaling view: those two and nothing a student could set.
    await page.goto("./?view=scaling&lang=en&embed=1&controls=pat,peak");
    await expect(page.locator("#ctl-peak")).toBeVisible();
    for (const id of ["ctl-gran", "ctl-free", "ctl-vm", "ctl-minute"]) await expect(page.locator(`#${id}`)).toBeHidden();
    for (const id of ["play", "speed", "currency"]) await expect(page.getByTestId(id)).toBeHidden();
    for (const text of ["Bill in 100 ms steps", "Speed", "Currency", "Time of day"]) {
      await expect(page.locator("main label:visible", { hasText: new RegExp(`^${text}`) }), text).toHaveCount(0);
    }
    await page.screenshot({ path: `tests/output/embed-${width}-pat-peak.png`, fullPage: true });
    await page.goto("./?view=scaling&lang=en&embed=1");
    await page.screenshot({ path: `tests/output/embed-${width}-scaling.png`, fullPage: true });
  });
}

// ---- Locked frames ---------------------------------------------------------------------------

test("lock=all: Play, the scrubber and the speed are off, and nothing moves the minute", async ({ page }) => {
  await page.goto("./?view=scaling&lang=en&pat=flash&peak=2000&embed=1&lock=all");
  const clock = page.getByTestId("clock");
  await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
  for (const id of ["play", "scrub", "speed"]) await expect(page.getByTestId(id)).toBeDisabled();
  const shown = await clock.textContent();
  const lanes = await page.getByTestId("lanes-diagram").innerHTML();
  // Even a script that re-enables them gets nowhere.
  await page.getByTestId("play").evaluate((el) => {
    el.disabled = false;
    el.click();
  });
  await page.getByTestId("scrub").evaluate((el) => {
    el.disabled = false;
    el.value = "100";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForTimeout(600);
  await expect(clock).toHaveText(shown);
  expect(await page.getByTestId("lanes-diagram").innerHTML()).toBe(lanes);
  await expect(page.getByTestId("play")).toHaveAttribute("aria-pressed", "false");
  expect(new URL(page.url()).searchParams.has("t")).toBe(false);
});

for (const lock of ["all", "peak"]) {
  test(`lock=${lock}: Back to another scenario never draws it, not for a frame`, async ({ page }) => {
    const first = `?view=scaling&lang=en&pat=flash&peak=2000&embed=1&lock=${lock}`;
    await page.goto(`./${first}`);
    await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
    await expect(page.getByTestId("peak-value")).toHaveText("2,000 requests/s");
    // Every text the peak's readout shows from here on, however briefly: the old value of each
    // change, and the text of each node put in or taken out.
    await page.evaluate(() => {
      window.__seen = [];
      const readout = document.querySelector("[data-testid=peak-value]");
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.oldValue !== null) window.__seen.push(r.oldValue);
          for (const n of [...r.addedNodes, ...r.removedNodes]) window.__seen.push(n.textContent);
        }
        window.__seen.push(readout.textContent);
      }).observe(readout, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
    });
    // A history entry of another scenario (as an earlier visit or the course page could leave).
    await page.evaluate((first) => {
      history.pushState(null, "", first.replace("pat=flash&peak=2000", "pat=steady&peak=10"));
      history.pushState(null, "", first);
      history.back();
    }, first);
    await expect.poll(() => new URL(page.url()).searchParams.get("peak")).toBe("2000");
    await page.waitForTimeout(400);
    const seen = await page.evaluate(() => window.__seen);
    expect(seen.filter((t) => t !== "2,000 requests/s"), seen.join(" | ")).toEqual([]);
    await expect(page.getByTestId("peak-value")).toHaveText("2,000 requests/s");
    // What is not locked follows the entry; in a fixed figure nothing does.
    await expect(page.locator("#ctl-pattern")).toHaveValue(lock === "peak" ? "steady" : "flash");
  });
}

// Found by a lecturer's walkthrough: controls outside the `controls=` list or under a lock
// that still changed the figure.
test("controls= and lock= also cover the keep-warm fields, Reset, the fit presets and the link to another view", async ({ page }) => {
  await page.goto("./?view=scaling&lang=en&embed=1&controls=pat,peak");
  await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
  await expect(page.locator("#ctl-pattern")).toBeVisible();
  for (const id of ["#ctl-warm", "#ctl-ping"]) await expect(page.locator(id)).toBeHidden();
  // In a narrow frame nothing can dock: the traffic controls sit right above the lanes.
  await page.setViewportSize({ width: 720, height: 900 });
  const slider = await page.getByTestId("peak-slider").boundingBox();
  const lanes = await page.getByTestId("lanes-diagram").boundingBox();
  expect(lanes.y).toBeGreaterThan(slider.y);
  expect(lanes.y - slider.y).toBeLessThan(400);

  await page.goto("./?view=msa&lang=en&fail=pricing&embed=1&controls=peak,hop");
  await expect(page.getByTestId("msa-reset")).toBeHidden();

  await page.goto("./?view=fit&lang=en&embed=1&controls=legacy");
  await expect(page.getByTestId("fit-ctl-legacy")).toBeVisible();
  await expect(page.locator("[data-testid^=preset-]")).toHaveCount(11);
  for (const p of await page.locator("[data-testid^=preset-]").all()) await expect(p).toBeHidden();
  // No card of empty preset lists is left; the two fields a lecturer chose are open to set.
  await page.goto("./?view=fit&lang=en&embed=1&controls=pat,peak");
  await expect(page.getByTestId("fit-presets")).toBeHidden();
  await expect(page.locator("#ctl-pattern")).toBeVisible();
  await expect(page.locator("#ctl-peak")).toBeVisible();

  await page.goto("./?view=fit&lang=en&embed=1&lock=pat,peak");
  for (const p of await page.locator("[data-testid^=preset-]").all()) await expect(p).toBeDisabled();

  await page.goto("./?view=stack&lang=en&step=3&embed=1&controls=step,col");
  await expect(page.getByTestId("story-next")).toBeVisible();
  await expect(page.getByTestId("see-it-scale")).toBeHidden();
});

// The lecturer walkthrough (issue 15): in a 960 px frame the keyboard went from the traffic
// fields to the model settings 2,000 px below, then back up to Play and the picture.
test("in a 960 px embed the keyboard walks the scaling view in the order it reads", async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 900 });
  for (const query of ["view=scaling&lang=en&embed=1", "view=scaling&lang=ko&embed=1&lock=all"]) {
    await page.goto(`./?${query}`);
    await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
    await page.waitForTimeout(200);
    // One walk through the page, until focus comes back to a stop it has been at.
    const tops = [];
    await page.evaluate(() => (window.__seen = new Set()));
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      const top = await page.evaluate(() => {
        const el = document.activeElement;
        if (window.__seen.has(el)) return "again";
        window.__seen.add(el);
        if (!el || el === document.body || !el.closest(".scaling-layout")) return null;
        return Math.round(el.getBoundingClientRect().top + window.scrollY);
      });
      if (top === "again") break;
      if (top !== null) tops.push(top);
    }
    expect(tops.length, query).toBeGreaterThan(5);
    // Within a row the order may go left to right; it never jumps back up a screen.
    const back = tops.map((t, i) => (i && t < tops[i - 1] - 300 ? `${tops[i - 1]} → ${t}` : null)).filter(Boolean);
    expect(back, query).toEqual([]);
  }
});
