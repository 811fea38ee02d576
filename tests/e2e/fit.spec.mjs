// Is serverless a fit?, end to end: the presets and the verdict in both languages, a preset
// changes the verdict, and the preset survives a reload and back/forward (it is only scenario
// values in the URL).
import { test, expect } from "./fixtures.mjs";

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
  await expect(page.getByTestId("fit-reasons")).toContainText("longer than the 900 s timeout");
  await expect(page.locator("tr[data-model=faas] td").last()).toHaveText("cannot run");

  await page.getByTestId("preset-steady-heavy").click();
  await expect(rating(page)).not.toHaveAttribute("data-rating", "good");
  await expect(page.locator("tr[data-model=faas] [data-testid=fit-cheapest]")).toHaveCount(0);

  await page.getByTestId("preset-local-disk").click();
  await expect(rating(page)).toHaveAttribute("data-rating", "not-runnable");
  await expect(page.getByTestId("fit-reasons")).toContainText("functions are stateless");
});

test("the preset round-trips through the URL, reload and back/forward", async ({ page }) => {
  await open(page, "lang=ko");
  await page.getByTestId("preset-iot").click();
  await expect(rating(page)).toHaveAttribute("data-rating", "good");
  await page.getByTestId("preset-long-running").click();
  await expect(rating(page)).toHaveAttribute("data-rating", "not-runnable");
  await expect(page.getByTestId("fit-reasons")).toContainText("제한 시간 900초");

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
