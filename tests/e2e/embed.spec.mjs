// Embedding: ?embed=1 drops the app chrome but keeps the view and its controls, lock= makes
// controls read-only (lock=all: a fixed figure), controls= picks which show, the page reports
// its height to the course page, and the Embed dialog writes the snippet.
import { test, expect } from "./fixtures.mjs";

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
  await expect(page.getByTestId("embed-plain-link")).toHaveAttribute("href", /\?view=scaling&lang=en&peak=700$/);
  // Focus stays inside the modal dialog.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
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
      // The page sized the frame to the height the frame reported.
      await expect.poll(() => iframe.getAttribute("height")).not.toBe("600");
      const inner = await frame.locator("html").evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      await expect.poll(async () => Number(await iframe.getAttribute("height"))).toBe(Math.max(inner, 120));
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
