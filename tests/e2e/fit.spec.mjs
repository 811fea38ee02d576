// Is serverless a fit?, end to end: the presets and the verdict in both languages, a preset
// changes the verdict, and the preset survives a reload and back/forward (it is only scenario
// values in the URL).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";

const CLI = process.env.SKYSCALE_CLI ?? "target/release/skyscale";

const NOTES = ["unpredictable", "quick", "tiny", "parallel-batch", "cron", "iot", "event-api"];
const COUNTER = ["steady-heavy", "long-running", "transcode", "local-disk"];

async function open(page, query) {
  await page.goto(`./?view=fit&${query}`);
  await expect(page.getByTestId("fit-verdict")).toBeVisible();
}

const rating = (page) => page.getByTestId("fit-rating");

for (const lang of ["en", "ko"]) {
  test(`the presets and the verdict render in ${lang}`, async ({ page }) => {
    await open(page, `lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    for (const code of [...NOTES, ...COUNTER]) await expect(page.getByTestId(`preset-${code}`)).toBeVisible();
    // The default scenario is no preset: said in words, and no button is pressed.
    await expect(page.getByTestId("fit-preset")).toHaveText(lang === "en" ? /Your own values/ : /직접 정한 값/);
    await expect(page.locator(".preset[aria-pressed=true]")).toHaveCount(0);
    await page.getByTestId("preset-cron").click();
    await expect(rating(page)).toHaveAttribute("data-rating", "good");
    await expect(rating(page)).toHaveText(lang === "en" ? /Good fit for functions/ : /함수에 잘 맞습니다/);
    const reasons = await page.getByTestId("fit-reasons").locator("li").allTextContents();
    expect(reasons.length).toBeGreaterThan(1);
    for (const r of reasons) expect(r).not.toContain("{");
    expect(reasons.join(" ")).toMatch(lang === "en" ? /cold start/i : /콜드 스타트/);
    // Monthly cost per model, the cheapest marked in words.
    await expect(page.locator(".fit-costs tbody tr")).toHaveCount(5);
    await expect(page.locator("tr[data-model=faas] [data-testid=fit-cheapest]")).toBeVisible();
    await expect(page.getByTestId("fit-cold")).toHaveText(/\d/);
    await expect(page.getByTestId("fit-throttled")).toHaveText(/\d/);
  });
}

test("a preset changes the verdict and its reasons", async ({ page }) => {
  await open(page, "lang=en");
  await page.getByTestId("preset-tiny").click();
  await expect(page.getByTestId("preset-tiny")).toHaveAttribute("aria-pressed", "true");
  await expect(rating(page)).toHaveAttribute("data-rating", "good");
  await expect(page.getByTestId("fit-reasons")).toContainText("Functions are the cheapest");

  await page.getByTestId("preset-transcode").click();
  await expect(page).toHaveURL(/dur=1200000/);
  await expect(rating(page)).toHaveAttribute("data-rating", "not-runnable");
  await expect(rating(page)).toContainText("Cannot run as a function");
  await expect(page.getByTestId("fit-reasons")).toContainText("A 20 min run is longer than the 15 min timeout");
  await expect(page.locator("tr[data-model=faas] td").last()).toHaveText("cannot run: runs longer than the timeout");

  await page.getByTestId("preset-steady-heavy").click();
  await expect(rating(page)).not.toHaveAttribute("data-rating", "good");
  await expect(page.locator("tr[data-model=faas] [data-testid=fit-cheapest]")).toHaveCount(0);

  await page.getByTestId("preset-local-disk").click();
  await expect(rating(page)).toHaveAttribute("data-rating", "not-runnable");
  await expect(page.getByTestId("fit-reasons")).toContainText("functions are stateless");
});

test("on a phone a tapped preset's verdict comes into sight, and a preset sets its whole workload", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, "lang=ko");
  // The parallel batch needs a larger quota; the presets tried after it must not keep it.
  await page.getByTestId("preset-parallel-batch").click();
  await expect(page).toHaveURL(/[?&]quota=3000(&|$)/);
  const preset = page.getByTestId("preset-cron");
  await preset.scrollIntoViewIfNeeded();
  await preset.click();
  await expect(page.getByTestId("preset-cron")).toHaveAttribute("aria-pressed", "true");
  await expect(page).not.toHaveURL(/quota=/);
  // The verdict's rating is on screen after the tap, without scrolling by hand.
  await expect(rating(page)).toBeInViewport();
  await expect(rating(page)).toHaveAttribute("data-rating", "good");
});

test("the preset round-trips through the URL, reload and back/forward", async ({ page }) => {
  await open(page, "lang=ko");
  await page.getByTestId("preset-iot").click();
  await expect(rating(page)).toHaveAttribute("data-rating", "good");
  await page.getByTestId("preset-long-running").click();
  await expect(rating(page)).toHaveAttribute("data-rating", "not-runnable");
  await expect(page.getByTestId("fit-reasons")).toContainText("제한 시간 15분");

  await page.reload();
  await expect(page.getByTestId("preset-long-running")).toHaveAttribute("aria-pressed", "true");
  await expect(rating(page)).toHaveAttribute("data-rating", "not-runnable");
  await expect(page.getByTestId("fit-preset")).toContainText("웹 소켓");

  await page.goBack();
  await expect(page.getByTestId("preset-iot")).toHaveAttribute("aria-pressed", "true");
  await expect(rating(page)).toHaveAttribute("data-rating", "good");
  await page.goForward();
  await expect(page.getByTestId("preset-long-running")).toHaveAttribute("aria-pressed", "true");

  // A shared link opens on the same preset.
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId("preset-long-running")).toHaveAttribute("aria-pressed", "true");
  await other.close();
});

test("axe finds no violations in the fit view", async ({ page }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  await open(page, "lang=en&theme=dark");
  await page.getByTestId("preset-event-api").click();
  await expect(rating(page)).toBeVisible();
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
      await open(page, `lang=${lang}`);
      await page.getByTestId("preset-cron").click();
      await expect(rating(page)).toHaveAttribute("data-rating", "good");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/output/fit-${lang}-${w}.png`, fullPage: true });
      await page.locator(".fit-layout").screenshot({ path: `tests/output/fit-${lang}-${w}-layout.png` });
    });
  }
}

// Issue 15.6: the notes' older limits switch is on this view too, and the verdict follows it.
test("the notes' older limits switch lives here too and changes the verdict", async ({ page }) => {
  await open(page, "lang=en&mem=2048");
  const legacy = page.getByTestId("fit-ctl-legacy");
  await expect(legacy).not.toBeChecked();
  await expect(page.getByTestId("fit-limits")).toContainText("128–10,240 MB of memory, 15 min timeout (AWS Lambda today)");
  await expect(rating(page)).not.toHaveAttribute("data-rating", "not-runnable");
  await legacy.check();
  await expect(page).toHaveURL(/legacy=1/);
  await expect(page.getByTestId("fit-limits")).toContainText("1,500 MB of memory, 5 min timeout (the notes' older Lambda limits)");
  await expect(rating(page)).toHaveAttribute("data-rating", "not-runnable");
  await expect(page.getByTestId("fit-reasons")).toContainText("above the limit of 1,500 MB");
  // The same setting as the scaling view's.
  await page.getByTestId("tab-scaling").click();
  await page.locator("summary", { hasText: "Functions (FaaS)" }).click();
  await expect(page.getByTestId("ctl-legacy")).toBeChecked();
  // With Azure Functions the switch has nothing to change: it is off and says why.
  await open(page, "lang=en&faas=azure");
  await expect(page.getByTestId("fit-ctl-legacy")).toBeDisabled();
  await expect(page.getByTestId("fit-legacy")).toContainText("Azure Functions");
});

// Issue 15.7: the reasons are a plain bulleted list, not a dot drawn inside a circle.
test("the reasons' bullets are the list's own round bullets", async ({ page }) => {
  await open(page, "lang=en");
  await page.getByTestId("preset-cron").click();
  const items = page.getByTestId("fit-reasons").locator("li");
  await expect(items.first()).toBeVisible();
  expect(await page.getByTestId("fit-reasons").locator(".mark").count()).toBe(0);
  const styles = await items.evaluateAll((lis) =>
    lis.map((li) => {
      const s = getComputedStyle(li);
      return `${s.display} ${s.listStyleType}`;
    }),
  );
  for (const s of styles) expect(s).toBe("list-item disc");
  await page.getByTestId("fit-reasons").screenshot({ path: "tests/output/fit-reasons.png" });
});

// Issue 15.8: the header's Export exports the view's first diagram on every view; on the fit
// view that is the verdict card, byte-identical to `skyscale render fit`.
for (const [view, name] of [["stack", "stack"], ["scaling", "lanes"], ["msa", "monolith"], ["fit", "fit"]]) {
  test(`the header's Export downloads the ${view} view's first diagram`, async ({ page }) => {
    await page.goto(`./?view=${view}&lang=ko`);
    await expect(page.getByTestId(`${name}-diagram`).locator("svg")).toBeVisible();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("header-export").click()]);
    expect(file.suggestedFilename()).toBe(`skyscale-${name}-ko.svg`);
    if (view === "fit") {
      const body = readFileSync(await file.path(), "utf8");
      const scenario = new URL(page.url()).search.slice(1);
      const native = execFileSync(CLI, ["render", "fit", "--scenario", scenario, "--lang", "ko"], { encoding: "utf8" });
      expect(native).toBe(body);
      expect(body).toContain("모델별 한 달 비용");
    }
  });
}

test("the verdict card's picture shows the table's numbers and follows a preset", async ({ page }) => {
  await open(page, "lang=en");
  await page.getByTestId("preset-transcode").click();
  const fig = page.getByTestId("fit-diagram");
  await expect(fig.locator("#fit-fig-title")).toHaveText("Counter-example: a 20-minute video transcode");
  await expect(fig.locator("#fit-fig-cost-faas")).toContainText("cannot run: runs longer than the timeout");
  for (const model of ["onprem", "vm-fixed", "vm-auto", "container"]) {
    const cell = await page.locator(`tr[data-model=${model}] td`).first().textContent();
    await expect(fig.locator(`#fit-fig-cost-${model}`)).toContainText(cell);
  }
  await expect(fig.locator("#fit-fig-limit-duration")).toHaveClass(/\bover\b/);
});
