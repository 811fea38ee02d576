// Monolith vs microservices, end to end: both diagrams and panels in both languages, failing a
// module (by mouse and by keyboard) changes which features are down, a deploy shows what
// restarts, and the failed module survives a reload and back/forward.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";

const FEATURES = 7;

/** A small page object for the MSA view. */
class MsaPage {
  constructor(page) {
    this.page = page;
    this.mono = page.getByTestId("monolith-diagram");
    this.msa = page.getByTestId("microservices-diagram");
  }

  async open(query) {
    await this.page.goto(`./?view=msa&${query}`);
    await expect(this.mono.locator("svg")).toBeVisible();
    await expect(this.msa.locator("svg")).toBeVisible();
  }

  /** Feature codes listed as down in the blast-radius list of `arch` (monolith|microservices). */
  async down(arch) {
    return this.page
      .getByTestId(`blast-${arch}`)
      .locator("li[data-state=down]")
      .evaluateAll((lis) => lis.map((li) => li.dataset.feature));
  }
}

for (const lang of ["en", "ko"]) {
  test(`both architectures, the comparison and the pros/cons render in ${lang}`, async ({ page }) => {
    const view = new MsaPage(page);
    await view.open(`lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const mono = await view.mono.locator("svg text").allTextContents();
    const msa = await view.msa.locator("svg text").allTextContents();
    expect(mono).toContain(lang === "en" ? "Monolith" : "모놀리식");
    expect(msa).toContain(lang === "en" ? "Microservices" : "마이크로서비스");
    expect(msa).toContain(lang === "en" ? "API gateway" : "API 게이트웨이");
    expect(mono.join(" ")).toContain(lang === "en" ? "One shared database" : "공유 데이터베이스");
    // Every module is a keyboard-reachable button in both pictures.
    await expect(view.mono.locator("[role=button]")).toHaveCount(7);
    await expect(view.msa.locator("[role=button]")).toHaveCount(7);
    // Hard and soft calls differ in line style, not only colour.
    await expect(view.msa.locator("#msa-call-dispatch-driver path").first()).not.toHaveAttribute("stroke-dasharray", /.+/);
    await expect(view.msa.locator("#msa-call-dispatch-notifications path").first()).toHaveAttribute("stroke-dasharray", /.+/);
    // Nothing failed: every feature works, said with ✓ and a word.
    await expect(view.mono.locator(".feature.up")).toHaveCount(FEATURES);
    await expect(view.msa.locator(".feature.up")).toHaveCount(FEATURES);
    // The comparison quotes money and hops; the pros/cons quote numbers.
    const cost = page.getByTestId("msa-compare").locator("tr[data-row=cost] td");
    await expect(cost.first()).toHaveText(/\$\d/);
    await expect(page.getByTestId("msa-compare").locator("tr[data-row=request-ride] td").last()).toContainText(
      lang === "en" ? "4 hops" : "홉 4번",
    );
    for (const id of ["mono-pros", "mono-cons", "msa-pros", "msa-cons"]) {
      const items = await page.getByTestId(id).locator("li").allTextContents();
      expect(items.length, id).toBeGreaterThan(1);
      for (const item of items) {
        expect(item, id).toMatch(/\d/);
        expect(item, id).not.toContain("{");
      }
    }
    await expect(page.getByTestId("traffic-controls")).toBeVisible();
  });
}

test("failing a module takes the whole monolith down but only its dependants in MSA", async ({ page }) => {
  const view = new MsaPage(page);
  await view.open("lang=en");
  await view.mono.locator("#mono-module-pricing").click();
  await expect(page).toHaveURL(/fail=pricing/);
  await expect(page.getByTestId("blast-summary")).toContainText("Pricing failed");
  expect(await view.down("monolith")).toHaveLength(FEATURES);
  expect((await view.down("microservices")).sort()).toEqual(["fare", "pay", "request-ride"]);
  // Both diagrams say it too: the monolith lists all seven down, MSA three.
  await expect(view.mono.locator(".feature.down")).toHaveCount(FEATURES);
  await expect(view.msa.locator(".feature.down")).toHaveCount(3);
  await expect(view.msa.locator("#msa-feature-sign-in")).toHaveClass(/\bup\b/);
  await expect(view.msa.locator("#msa-service-pricing")).toHaveClass(/\bfailed\b/);
  // "✗ failed", the mark drawn as a shape (Korean fonts lack ✗).
  await expect(view.msa.locator("#msa-service-pricing .mark-badge.failed text")).toHaveText("failed");
  await expect(view.msa.locator("#msa-service-pricing .mark-badge.failed .mark-cross path")).toHaveCount(1);

  // By keyboard: fail Notifications instead; the set of features down changes.
  await view.msa.locator("#msa-service-notifications").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/fail=notifications/);
  // The redrawn diagram keeps the keyboard user's place.
  await expect(view.msa.locator("#msa-service-notifications")).toBeFocused();
  expect(await view.down("microservices")).toEqual(["alerts"]);
  expect(await view.down("monolith")).toHaveLength(FEATURES);
  await expect(page.getByTestId("blast-microservices").locator("li[data-state=degraded]")).toHaveCount(2);

  // A reload shows the same failed module; back returns to Pricing, then to nothing failed.
  await page.reload();
  await expect(view.msa.locator("#msa-service-notifications")).toHaveClass(/\bfailed\b/);
  expect(await view.down("microservices")).toEqual(["alerts"]);
  await page.goBack();
  await expect(page).toHaveURL(/fail=pricing/);
  await expect(view.msa.locator(".feature.down")).toHaveCount(3);
  await page.goBack();
  await expect(view.msa.locator(".feature.down")).toHaveCount(0);
  await expect(page.getByTestId("blast-summary")).toContainText("Nothing has failed");
});

test("the Fail button toggles, and clicking a failed module brings it back", async ({ page }) => {
  const view = new MsaPage(page);
  await view.open("lang=ko");
  const fail = page.getByTestId("fail-trips");
  await fail.click();
  await expect(fail).toHaveAttribute("aria-pressed", "true");
  expect((await view.down("microservices")).sort()).toEqual(["pay", "request-ride", "track"]);
  await view.mono.locator("#mono-module-trips").click();
  await expect(fail).toHaveAttribute("aria-pressed", "false");
  await expect(page).not.toHaveURL(/fail=/);
  await expect(view.mono.locator(".feature.down")).toHaveCount(0);
  // Once the user has moved on, a redraw never pulls focus back into the diagram.
  await fail.focus();
  await page.keyboard.press("Enter");
  await expect(fail).toHaveAttribute("aria-pressed", "true");
  await expect(view.mono.locator(".feature.down")).not.toHaveCount(0);
  await expect(fail).toBeFocused();
});

test("a deploy shows what restarts and for how long", async ({ page }) => {
  const view = new MsaPage(page);
  await view.open("lang=en&pat=steady&peak=1");
  await page.getByTestId("deploy-payments").click();
  await expect(page).toHaveURL(/deploy=payments/);
  const mono = page.getByTestId("deploy-monolith");
  const msa = page.getByTestId("deploy-microservices");
  await expect(mono).toContainText("restarts all 7 modules: 2 of 2 replicas");
  await expect(mono).toContainText("3 min");
  await expect(msa).toContainText("only Payments restarts: 2 of 14 replicas");
  await expect(msa).toContainText("40 s");
  await expect(view.msa.locator("#msa-service-payments")).toHaveClass(/\brestarting\b/);
  await expect(view.msa.locator("#msa-service-trips")).not.toHaveClass(/\brestarting\b/);
  await expect(view.mono.locator("#mono-status")).toContainText("Whole app restarts");
  // Only "Pay for the trip" runs with less capacity in MSA; every feature in the monolith.
  await expect(view.msa.locator(".feature.reduced")).toHaveCount(1);
  await expect(view.mono.locator(".feature.reduced")).toHaveCount(FEATURES);
  // The pros/cons quote the same deploy.
  await expect(page.getByTestId("msa-pros")).toContainText("Payments restarts 2 of 14 replicas");
  await expect(page.getByTestId("mono-cons")).toContainText("restarts all 2 replicas");
  await page.reload();
  await expect(page.getByTestId("deploy-microservices")).toContainText("only Payments restarts");
});

test("axe finds no violations in the MSA view", async ({ page }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const view = new MsaPage(page);
  await view.open("lang=ko&fail=pricing&deploy=payments");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  expect(found).toEqual([]);
});

for (const [w, h] of [[1280, 900], [390, 844]]) {
  for (const lang of ["en", "ko"]) {
    test(`screenshot ${lang} at ${w} px`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      const view = new MsaPage(page);
      await view.open(`lang=${lang}&fail=pricing&deploy=payments&peak=2000`);
      // Nothing overflows the page sideways (diagrams scroll inside their own box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/output/msa-${lang}-${w}.png`, fullPage: true });
      // Close-ups to read at full resolution.
      const parts = { pair: ".msa-pair", actions: "[data-testid=msa-actions]", panels: ".msa-panels", compare: "[data-testid=msa-compare]", pros: "[data-testid=pros-cons]" };
      for (const [name, sel] of Object.entries(parts)) {
        await page.locator(sel).screenshot({ path: `tests/output/msa-${lang}-${w}-${name}.png` });
      }
    });
  }
}

test("on a 360 px phone the module table fits: its profile is a line under each name, nothing past the edge", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const view = new MsaPage(page);
  await view.open("lang=ko");
  const wrap = page.locator("[data-testid=msa-actions] .table-wrap");
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  const driver = page.locator(".module-table tr[data-module=driver]");
  await expect(driver.locator(".profile-inline")).toBeVisible();
  await expect(driver.locator(".profile-inline")).toHaveText("요청당 호출 0.68호출당 CPU 2\u00a0ms메모리 256\u00a0MB");
  // Both buttons wholly on screen once the row is.
  await driver.scrollIntoViewIfNeeded();
  await expect(driver.getByTestId("deploy-driver")).toBeInViewport({ ratio: 1 });
});

test("dragging traffic with a module failed does not re-announce the blast radius or rebuild the buttons", async ({ page }) => {
  const m = new MsaPage(page);
  await m.open("lang=en&fail=trips");
  await expect(page.getByTestId("blast-summary")).toContainText(/./);
  const downBefore = await m.down("microservices");
  // The blast radius is a polite live region: any change in it is read out again.
  await page.evaluate(() => {
    window.__changes = [];
    const watch = new MutationObserver((records) => {
      for (const r of records) window.__changes.push(`${r.target.parentElement?.closest("[data-testid]")?.dataset.testid} ${r.type}`);
    });
    for (const id of ["blast-radius", "msa-actions"]) {
      watch.observe(document.querySelector(`[data-testid=${id}]`), { subtree: true, attributes: true, childList: true, characterData: true });
    }
  });
  const before = await page.getByTestId("peak-value").textContent();
  await page.getByTestId("peak-slider").focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("PageUp");
  await expect(page.getByTestId("peak-value")).not.toHaveText(before);
  expect(await page.evaluate(() => window.__changes)).toEqual([]);
  expect(await m.down("microservices")).toEqual(downBefore);
});

// Issue 15.5: every sentence and tally reads right for every value.
test("sentences and tallies read right when every service has the same count and nothing is broken", async ({ page }) => {
  const view = new MsaPage(page);
  await view.open("lang=en&pat=steady&peak=0");
  // Nothing broken: said in words, never "0 / 7" (the mark beside it is a shape).
  await expect(view.mono.locator("#mono-down-count")).toHaveText("all 7 working");
  await expect(view.msa.locator("#msa-down-count")).toHaveText("all 7 working");
  // Every service at the same count: one sentence about all of them.
  const pros = await page.getByTestId("msa-pros").locator("li").allTextContents();
  const modules = ["Passenger API", "Driver API", "Dispatch / matching", "Trips", "Pricing", "Payments", "Notifications"];
  for (const line of pros) {
    for (const m of modules) expect(line.split(m).length - 1, line).toBeLessThanOrEqual(1);
  }
  expect(pros.join(" ")).toContain("all 7 run 2 replicas");
  // With a failure the tallies count what is down.
  await page.getByTestId("fail-pricing").click();
  await expect(view.mono.locator("#mono-down-count")).toHaveText("all 7 down");
  await expect(view.msa.locator("#msa-down-count")).toHaveText("3 of 7 down");
});

/** Reads "a × b = c" out of a sentence and checks c against the factors as printed. */
function checkProduct(text, pattern) {
  const m = text.match(pattern);
  expect(m, `${pattern} in ${text}`).not.toBeNull();
  const num = (s) => Number(s.replace(/,/g, ""));
  const [a, b, c] = [num(m[1]), num(m[2]), num(m[3])];
  const decimals = (m[3].split(".")[1] ?? "").length;
  expect(Math.abs(a * b - c), `${m[0]}: ${a} × ${b} = ${a * b}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
  return m;
}

// Issue 16.3: a product shown with its factors is computed from the factors as shown, and one
// quantity reads the same in the pros/cons, the table and the diagrams.
for (const peak of [3000, 100]) {
  test(`products and their factors agree as printed (peak ${peak})`, async ({ page }) => {
    const view = new MsaPage(page);
    await view.open(`lang=en&peak=${peak}`);
    const cons = (await page.getByTestId("mono-cons").locator("li").allTextContents()).join(" ");
    const m = checkProduct(cons, /([\d,]+) replicas × ([\d.,]+) GB = ([\d.,]+) GB at peak/);
    const table = page.getByTestId("msa-compare");
    await expect(table.locator("tr[data-row=memory] td").first()).toHaveText(`${m[3]} GB`);
    await expect(table.locator("tr[data-row=replicas] td").first()).toHaveText(m[1]);
    expect((await view.mono.locator("svg text").allTextContents()).join(" ")).toContain(`(${m[2]} GB)`);
    const msaCons = (await page.getByTestId("msa-cons").locator("li").allTextContents()).join(" ");
    const floor = checkProduct(msaCons, /(\d+) services × (\d+) replicas = (\d+) replicas even at zero traffic \(([\d.,]+) GB against the monolith's ([\d.,]+) GB\)/);
    const idle = await table.locator("tr[data-row=idle] td").allTextContents();
    expect(idle[0]).toContain(`· ${floor[5]} GB`);
    expect(idle[1]).toContain(`· ${floor[4]} GB`);
  });
}

// Issue 16.5: the view shows only controls that change it. CPU per request, duration and
// function memory describe one function; this app's replicas follow its modules' profile, which
// the module table shows instead.
test("no dead workload fields; the module table shows what sets the replicas", async ({ page }) => {
  const view = new MsaPage(page);
  await view.open("lang=en");
  const main = page.getByTestId("view-msa");
  for (const id of ["ctl-cpu", "ctl-duration", "ctl-memory"]) await expect(main.getByTestId(id)).toHaveCount(0);
  const driver = page.locator(".module-table tr[data-module=driver] td");
  await expect(driver.nth(2)).toHaveText("0.68");
  await expect(driver.nth(3)).toHaveText("2 ms");
  await expect(driver.nth(4)).toHaveText("256 MB");
  await expect(page.getByTestId("msa-profile-note")).toContainText("do not apply");
  // The hop field still changes what the view shows.
  const before = await page.getByTestId("msa-compare").locator("tr[data-row=request-ride] td").last().textContent();
  await page.getByTestId("ctl-hop").fill("10");
  await page.getByTestId("ctl-hop").press("Tab");
  await expect(page.getByTestId("msa-compare").locator("tr[data-row=request-ride] td").last()).not.toHaveText(before);
});

// Issue 16.8: an exported file's tooltips describe; the instruction stays on screen.
test("exported diagrams describe rather than instruct", async ({ page }) => {
  const view = new MsaPage(page);
  await view.open("lang=en&fail=pricing");
  await expect(page.locator(".view-lead")).toContainText("Tap or click a module");
  for (const name of ["monolith", "microservices"]) {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-${name}`).click()]);
    const svg = readFileSync(await file.path(), "utf8");
    const titles = [...svg.matchAll(/<(title|desc)>([^<]*)<\/\1>/g)].map((m) => m[2]);
    expect(titles.length).toBeGreaterThan(7);
    for (const t of titles) expect(t, name).not.toMatch(/click|press|클릭|누르/i);
    expect(titles.join(" ")).toMatch(name === "monolith" ? /Pricing, a module of the one process: failed/ : /Pricing service, \d+ replicas: failed/);
  }
});
