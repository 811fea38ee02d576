// The responsibility stack, end to end: sub-path hosting, both languages, the live toggle and
// its memory, the SVG export (parsed, compared with the page and with the CLI), and keyboard use.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { test, expect, LAYERS, StackPage } from "./fixtures.mjs";
import { BASE_PATH } from "../../playwright.config.mjs";

const CLI = process.env.SKYSCALE_CLI ?? "target/release/skyscale";

test("loads from dist/ under a sub-path with every asset from that sub-path", async ({ page }) => {
  const paths = [];
  page.on("request", (req) => paths.push(new URL(req.url()).pathname));
  const stack = new StackPage(page);
  await stack.open("lang=en");
  expect(paths.length).toBeGreaterThan(3);
  for (const path of paths) expect(path.startsWith(BASE_PATH), path).toBe(true);
  expect(paths.some((p) => p.endsWith(".wasm"))).toBe(true);
});

for (const lang of ["en", "ko"]) {
  test(`all nine layers and five models show in ${lang}`, async ({ page }) => {
    const stack = new StackPage(page);
    await stack.open(`lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const texts = await stack.diagramTexts();
    for (const layer of LAYERS[lang]) expect(texts, layer).toContain(layer);
    for (const model of ["IaaS", "PaaS", "FaaS", "SaaS"]) expect(texts).toContain(model);
    expect(texts).toContain(lang === "en" ? "On-premises" : "온프레미스");
    // FaaS keeps only the function's code, data and configuration.
    await expect(stack.diagram.locator("#stack-faas-applications")).toHaveClass(/\byou\b/);
    await expect(stack.diagram.locator("#stack-faas-runtime")).toHaveClass(/\bprovider\b/);
    // Who manages a cell is said in words too, not only by colour.
    const title = await stack.diagram.locator("#stack-iaas-os > title").textContent();
    expect(title).toContain(lang === "en" ? "You manage" : "직접 관리");
  });
}

test("a Korean browser gets Korean; ?lang overrides it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: "ko-KR", baseURL });
  const page = await context.newPage();
  const stack = new StackPage(page);
  await stack.open();
  expect(await stack.diagramTexts()).toContain("가상화");
  await stack.open("lang=en");
  expect(await stack.diagramTexts()).toContain("Virtualization");
  await context.close();
});

test("the language toggle switches live and the choice survives a reload", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=en");
  await expect(stack.toggle).toHaveText("한국어");
  await stack.toggle.click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(stack.diagram.locator("text", { hasText: "가상화" }).first()).toBeVisible();
  await expect(page).toHaveURL(/lang=ko/);
  await expect(stack.toggle).toHaveText("English");

  await page.reload();
  await expect(stack.diagram.locator("text", { hasText: "가상화" }).first()).toBeVisible();
  // Also remembered without the query (a fresh visit to the bare address).
  await stack.open();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page).toHaveURL(/lang=ko/);
});

for (const lang of ["en", "ko"]) {
  test(`Export SVG downloads a standalone file with the page's labels (${lang})`, async ({ page }) => {
    const stack = new StackPage(page);
    await stack.open(`lang=${lang}`);
    const [download] = await Promise.all([page.waitForEvent("download"), stack.exportButton.click()]);
    expect(download.suggestedFilename()).toBe(`skyscale-stack-${lang}.svg`);
    const file = readFileSync(await download.path(), "utf8");
    const svg = await stack.parseSvg(file);
    expect(svg.root).toBe("svg");
    expect(svg.ns).toBe("http://www.w3.org/2000/svg");
    expect(svg.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.fontFamily).toContain("Noto Sans KR");
    expect(svg.title).toBe(await stack.diagram.locator("#stack-title").textContent());
    expect(svg.desc?.length).toBeGreaterThan(20);
    expect(svg.texts).toEqual(await stack.diagramTexts());
    for (const layer of LAYERS[lang]) expect(svg.texts).toContain(layer);
    expect(file).not.toMatch(/<script|foreignObject|<style|\son\w+=/i);
    expect(file.match(/https?:\/\//g)).toEqual(["http://"]); // only the SVG namespace
    await expect(page.getByTestId("diagram-stack").locator("[role=status]")).not.toBeEmpty();

    // The CLI writes the identical file natively.
    expect(existsSync(CLI), `the CLI must be built at ${CLI} (make cli)`).toBe(true);
    const native = execFileSync(CLI, ["render", "stack", "--lang", lang], { encoding: "utf8" });
    expect(native).toBe(file);
  });
}

test("keyboard alone reaches and operates the toggle and the export", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=en");
  const focusTo = async (locator) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await locator.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error("could not reach the control with Tab");
  };
  await focusTo(stack.toggle);
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.keyboard.press("Space");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await focusTo(stack.exportButton);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("skyscale-stack-en.svg");
});

test("a malformed URL shows a notice in the page's language, never a broken page", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=ko&theme=%ZZ%00&view=<script>alert(1)</script>&x=" + "9".repeat(5000));
  await expect(page.getByTestId("url-notice")).toBeVisible();
  // The Korean notice names the field as the page shows it (테마), not by its link key.
  await expect(page.getByTestId("url-notice")).toContainText("테마");
  await expect(page.getByTestId("url-notice")).toContainText("고쳤습니다");
  expect(await stack.diagramTexts()).toContain("가상화");
  expect(await page.locator("script:not([type=module])").count()).toBe(0);
});

for (const scheme of ["light", "dark"]) {
  for (const lang of ["en", "ko"]) {
    test(`looks right in the ${scheme} system theme (${lang})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ colorScheme: scheme, baseURL, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const stack = new StackPage(page);
      await stack.open(`lang=${lang}`);
      const bg = await stack.diagram.locator("svg > rect").first().getAttribute("fill");
      expect(bg).toBe(scheme === "light" ? "#ffffff" : "#0f172a");
      const bodyBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(bodyBg).toBe(scheme === "light" ? "rgb(248, 250, 252)" : "rgb(2, 6, 23)");
      await page.screenshot({ path: `tests/output/stack-${lang}-${scheme}.png`, fullPage: true });
      await context.close();
    });
  }
}

test("the theme choice overrides the system and is remembered", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ colorScheme: "light", baseURL });
  const page = await context.newPage();
  const stack = new StackPage(page);
  await stack.open("lang=en");
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(stack.diagram.locator("svg > rect").first()).toHaveAttribute("fill", "#0f172a");
  await stack.open("lang=en");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await context.close();
});

// Issue 15.9: a column header shows the column's summary (in the URL, by mouse and keyboard),
// and a cell's heading names the cell as the stack shows it.
test("a column header shows what you keep and what the provider takes over", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=en");
  await stack.diagram.locator("#stack-head-faas").click();
  await expect(page).toHaveURL(/col=faas/);
  const summary = page.getByTestId("column-summary");
  await expect(summary.getByTestId("column-title")).toHaveText("FaaS: Function as a Service");
  await expect(summary.getByTestId("column-keep")).toContainText("permissions");
  await expect(summary.getByTestId("column-keep")).toContainText("configuration");
  await expect(summary.getByTestId("column-takes")).toContainText("security patches");
  await expect(summary.getByTestId("column-yours")).toHaveText("Functions + config, Function data");
  await expect(stack.diagram.locator("#stack-head-faas")).toHaveClass(/\bselected\b/);
  // A link shows it; a cell replaces it.
  await page.reload();
  await expect(page.getByTestId("column-title")).toHaveText("FaaS: Function as a Service");
  await stack.diagram.locator("#stack-faas-applications").click();
  await expect(page).not.toHaveURL(/col=/);
  await expect(page.getByTestId("layer-title")).toHaveText("FaaS · Functions + config (Applications layer)");
  await stack.diagram.locator("#stack-iaas-os").click();
  await expect(page.getByTestId("layer-title")).toHaveText("IaaS · O/S");
  // By keyboard, in Korean.
  await stack.open("lang=ko");
  await stack.diagram.locator("#stack-head-onprem").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("column-title")).toHaveText("온프레미스: 모든 것을 직접 소유");
  await expect(page.getByTestId("column-yours")).toContainText("시설");
  // At the serverless step the summary uses the words the column is drawn with.
  await stack.open("lang=ko&step=6&col=faas");
  await expect(page.getByTestId("column-title")).toHaveText("FaaS: FaaS + 관리형 서비스");
  await expect(page.getByTestId("column-yours")).toContainText("관리형 DB의 데이터");
  await expect(page.getByTestId("column-keep")).toContainText("관리형 DB의 데이터");
  await expect(page.getByTestId("column-keep")).not.toContainText("함수의 데이터");
});

test("the facility band is a tap target too: it says who runs the building, and at the IDC step the IDC does", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=ko&step=2");
  const band = stack.diagram.locator("#stack-onprem-facility");
  await band.click();
  await expect(page).toHaveURL(/col=onprem/);
  const summary = page.getByTestId("column-summary");
  await expect(summary.getByTestId("column-facility")).toHaveText("IDC 관리");
  await expect(summary.getByTestId("column-theirs")).toContainText("시설");
  await expect(summary.getByTestId("column-yours")).not.toContainText("시설");
  // Without the story, on-premises runs its own; by keyboard, another column's band.
  await stack.open("lang=en");
  await stack.diagram.locator("#stack-saas-facility").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("column-title")).toContainText("SaaS");
  await expect(page.getByTestId("column-facility")).toHaveText("Provider manages");
  await stack.diagram.locator("#stack-onprem-facility").click();
  await expect(page.getByTestId("column-facility")).toHaveText("You manage");
});

test("'See this model scale' opens the scaling view on that model, without the stack's selection in its link", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=ko&step=3&col=saas");
  await page.getByTestId("see-it-scale").click();
  await expect(page.getByTestId("view-scaling")).toBeVisible();
  await expect(page).toHaveURL(/view=scaling/);
  await expect(page).toHaveURL(/[?&]hl=/);
  await expect(page).not.toHaveURL(/[?&](col|cell)=/);
});

// Issue 16.11: each story step shows on the stack what changed at that step.
test("every story step changes the stack, IDC moves the facility, step 6 is serverless", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=en&step=1");
  const svg = stack.diagram.locator("svg");
  let before = await svg.innerHTML();
  await expect(stack.diagram.locator("#stack-onprem-facility")).toHaveClass(/\byou\b/);
  for (let step = 2; step <= 6; step++) {
    await page.getByTestId("story-next").click();
    await expect(page).toHaveURL(new RegExp(`step=${step}`));
    await expect(stack.diagram.locator("#stack-change")).toContainText(`Step ${step}:`);
    const now = await svg.innerHTML();
    expect(now, `step ${step} looks like step ${step - 1}`).not.toBe(before);
    await expect(stack.diagram.locator(".cell.changed").first()).toBeVisible();
    if (step === 2) {
      await expect(stack.diagram.locator("#stack-onprem-facility")).toHaveClass(/\bprovider\b.*\bchanged\b/);
      await expect(stack.diagram.locator("#stack-onprem-servers")).toHaveClass(/\byou\b/);
      await expect(stack.diagram.locator("#stack-onprem-servers")).not.toHaveClass(/\bchanged\b/);
      await expect(stack.diagram.locator("#stack-change")).toContainText("move to the IDC");
    }
    before = now;
  }
  await expect(stack.diagram.locator("#stack-highlight")).toHaveClass(/col-faas/);
  await expect(stack.diagram.locator("#stack-faas-data")).toHaveClass(/\bchanged\b/);
  await expect(page.getByTestId("serverless-diagram").locator("#serverless-highlight")).toHaveClass(/\bset\b/);
  await stack.diagram.screenshot({ path: "tests/output/stack-step6-en.png" });
});

test("walking the story by keyboard, focus never falls to the page when Next or Previous turns off", async ({ page }) => {
  const stack = new StackPage(page);
  await stack.open("lang=en&step=5");
  await page.getByTestId("story-next").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/step=6/);
  await expect(page.getByTestId("story-next")).toBeDisabled();
  await expect(page.getByTestId("story-prev")).toBeFocused();
  for (let step = 5; step >= 1; step--) await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/step=1/);
  await expect(page.getByTestId("story-prev")).toBeDisabled();
  await expect(page.getByTestId("story-next")).toBeFocused();
});
