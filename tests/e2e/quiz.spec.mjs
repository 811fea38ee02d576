// Classroom: ?quiz=1 hides the numbers until a prediction is committed, then reveals and
// explains; print gives a clean A4 handout without the app chrome.
import { test, expect } from "./fixtures.mjs";

/** A link where exactly one model serves the traffic (loses under 1% of it). */
const ONE_SERVES = "pat=steady&peak=50000";

for (const lang of ["en", "ko"]) {
  test(`predict, then reveal and explain (${lang})`, async ({ page }) => {
    await page.goto(`./?view=scaling&lang=${lang}&peak=2000&quiz=1`);
    await expect(page.getByTestId("quiz")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("data-quiz", "hidden");
    await expect(page.getByTestId("month-bill")).toBeHidden();
    await expect(page.getByTestId("lanes-diagram")).toBeHidden();
    // Both answers are needed.
    await page.getByTestId("quiz-submit").click();
    await expect(page.getByTestId("quiz").getByRole("alert")).not.toBeEmpty();
    await expect(page.getByTestId("month-bill")).toBeHidden();
    await page.getByTestId("quiz-pick-faas").check();
    await page.getByTestId("quiz-vms").fill("3");
    await page.getByTestId("quiz-submit").click();
    await expect(page.locator("html")).not.toHaveAttribute("data-quiz", "hidden");
    await expect(page.getByTestId("month-bill")).toBeVisible();
    const results = page.getByTestId("quiz-results");
    await expect(results.locator("[data-verdict]")).toHaveCount(2);
    const cheapest = page.getByTestId("quiz-result-cheapest");
    await expect(cheapest).toContainText(lang === "en" ? /cheapest|No model/ : /저렴|모델이 없습니다/);
    await expect(page.getByTestId("quiz-result-vms")).toContainText(lang === "en" ? "autoscaler ran" : "자동 확장 VM은");
    // The answer agrees with the bill's ★.
    const star = page.locator("[data-testid^=bill-].cheapest th");
    if ((await star.count()) > 0) {
      const name = (await star.textContent()).replace(/★.*$/, "").trim();
      await expect(cheapest).toContainText(name);
    }
  });
}

test("print: an A4 handout with the diagram and questions, no chrome or controls", async ({ page }) => {
  await page.goto("./?view=scaling&lang=ko&peak=1500");
  await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
  await expect(page.getByTestId("handout")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-bar")).toBeHidden();
  await expect(page.getByTestId("traffic-controls")).toBeHidden();
  await expect(page.getByTestId("export-lanes")).toBeHidden();
  await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
  await expect(page.getByTestId("month-bill")).toBeVisible();
  await expect(page.getByTestId("handout")).toBeVisible();
  await expect(page.getByTestId("handout")).toContainText("생각해 볼 문제");
  await page.screenshot({ path: "tests/output/print-scaling-ko.png", fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(20_000);
});

// Issue 16.7: before the student commits, the answers are not in the page at all (not merely
// hidden): no lanes, bill, math, charts or screen-reader summary on the scaling view, no
// verdict on the fit view. After the reveal they are.
for (const view of ["scaling", "fit"]) {
  test(`the answers do not exist before the reveal (${view})`, async ({ page }) => {
    await page.goto(`./?view=${view}&lang=en&peak=2000&quiz=1`);
    await expect(page.getByTestId("quiz")).toBeVisible();
    await expect(page.getByTestId("quiz-submit")).toBeEnabled();
    const gone =
      view === "scaling"
        ? ["lanes-diagram", "month-bill", "announcer", "charts"]
        : ["fit-verdict", "fit-diagram", "fit-cheapest", "fit-reasons"];
    for (const id of gone) await expect(page.getByTestId(id), `${id} is in the page before the reveal`).toHaveCount(0);
    const before = await page.content();
    await expect(page.getByTestId("quiz-placeholder")).toBeVisible();
    // The header's Export says why there is nothing to export yet.
    await page.getByTestId("header-export").click();
    await expect(page.getByTestId("header-export-status")).toContainText("once you commit your prediction");
    // Commit and reveal.
    await page.getByTestId("quiz-pick-faas").check();
    await page.getByTestId("quiz-vms").fill("3");
    await page.getByTestId("quiz-submit").click();
    await expect(page.getByTestId(gone[0])).toHaveCount(1);
    await expect(page.getByTestId("quiz-placeholder")).toHaveCount(0);
    // The bills the reveal quotes were nowhere in the page before it (not even hidden).
    const why = await page.getByTestId("quiz-result-cheapest").textContent();
    const amounts = why.match(/\$[\d,]+\.\d\d/g) ?? [];
    expect(amounts.length).toBeGreaterThan(0);
    for (const a of amounts) expect(before, a).not.toContain(a);
    // Predicting again hides them again.
    await page.getByTestId("quiz-retry").click();
    await expect(page.getByTestId(gone[0])).toHaveCount(0);
  });
}

// Issue 16.7: the Korean reveal picks its particles for the word (or needs none), and a value
// is never a dash.
for (const [name, query] of [
  ["two models serve", "peak=2000"],
  ["one model serves", ONE_SERVES],
]) {
  test(`the Korean reveal reads naturally (${name})`, async ({ page }) => {
    await page.goto(`./?view=scaling&lang=ko&quiz=1&${query}`);
    await page.getByTestId("quiz-pick-faas").check();
    await page.getByTestId("quiz-vms").fill("3");
    await page.getByTestId("quiz-submit").click();
    const why = await page.getByTestId("quiz-result-cheapest").textContent();
    expect(why).not.toMatch(/\((가|이|를|을|는|은|로|으로)\)/);
    expect(why).not.toContain("—");
    expect(why).toMatch(/\$[\d,]+\.\d\d/);
  });
}
