// On a phone (issue 15.4): the one interaction the app exists for, dragging traffic while the
// instances scale and the bills move, works with both on screen, and the lanes' text stays
// readable (11 CSS px or more) and inside its box.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";

const CLI = process.env.SKYSCALE_CLI ?? "target/release/skyscale";

/** Every text of the figure's SVG: its drawn size in CSS px and whether it lies inside the
 *  figure's box (nothing cut at an edge). */
async function textReport(figure) {
  return figure.evaluate((fig) => {
    const svg = fig.querySelector("svg");
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const box = fig.getBoundingClientRect();
    return [...svg.querySelectorAll("text")]
      .filter((t) => t.textContent.trim() !== "")
      .map((t) => {
        const r = t.getBoundingClientRect();
        return {
          text: t.textContent,
          px: Number(t.getAttribute("font-size")) * scale,
          inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5,
        };
      });
  });
}

for (const [w, h] of [[360, 740], [412, 915]]) {
  for (const lang of ["en", "ko"]) {
    test(`on a ${w} px phone the lanes stay in sight above the docked slider while it drags (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?view=scaling&lang=${lang}&pat=steady&peak=100`);
      const lanes = page.getByTestId("lanes-diagram");
      const slider = page.getByTestId("peak-slider");
      await expect(lanes.locator("svg")).toBeVisible();
      // The phone layout: rows, drawn at the column's width, not a 1,000-unit scene shrunk.
      await expect(lanes).toHaveClass(/narrow/);
      await lanes.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
      const inSight = async () => {
        const dock = await page.locator(".control-peak").boundingBox();
        const rows = await lanes.locator(".lane").evaluateAll((els) =>
          els.map((e) => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; }));
        return { dock, rows };
      };
      const before = await inSight();
      expect(before.dock.y + before.dock.height).toBeLessThanOrEqual(h);
      expect(before.dock.y).toBeGreaterThan(h / 2);
      expect(before.rows).toHaveLength(5);
      for (const [top, bottom] of before.rows) {
        expect(top).toBeGreaterThanOrEqual(0);
        expect(bottom).toBeLessThanOrEqual(before.dock.y);
      }
      // Drag with the pointer: the bills in the lanes move, and everything stays where it was.
      const bill = () => lanes.locator("#lane-faas .lane-month").textContent();
      const count = () => lanes.locator("#lane-vm-auto .lane-count").textContent();
      const [bill0, count0] = [await bill(), await count()];
      const { x, y, width, height } = before.dock;
      const sb = await slider.boundingBox();
      const thumbY = sb.y + sb.height / 2;
      await page.mouse.move(sb.x + sb.width * 0.3, thumbY);
      await page.mouse.down();
      for (let i = 1; i <= 6; i++) await page.mouse.move(sb.x + sb.width * (0.3 + i * 0.08), thumbY, { steps: 2 });
      await page.mouse.up();
      await expect.poll(bill).not.toBe(bill0);
      await expect.poll(count).not.toBe(count0);
      const after = await inSight();
      expect(after.dock).toEqual({ x, y, width, height });
      for (const [top, bottom] of after.rows) {
        expect(top).toBeGreaterThanOrEqual(0);
        expect(bottom).toBeLessThanOrEqual(after.dock.y);
      }
      // Readable and whole: no lane text under 11 CSS px, none cut at the figure's edge.
      const texts = await textReport(lanes);
      expect(texts.length).toBeGreaterThan(20);
      expect(texts.filter((t) => t.px < 11 - 0.05).map((t) => `${t.text} ${t.px.toFixed(1)}px`)).toEqual([]);
      expect(texts.filter((t) => !t.inside).map((t) => t.text)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/output/phone-scaling-${lang}-${w}.png` });
      // The page's end is not hidden under the dock.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const footer = await page.locator(".site-footer").boundingBox();
      expect(footer.y + footer.height).toBeLessThanOrEqual((await page.locator(".control-peak").boundingBox()).y + 1);
    });
  }
}

test("the phone layout's SVG export is the CLI's lanes-narrow, byte for byte", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const query = "lang=ko&pat=flash&peak=2000&t=1125";
  await page.goto(`./?view=scaling&${query}`);
  await expect(page.getByTestId("lanes-diagram")).toHaveClass(/narrow/);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-lanes").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("skyscale-lanes-narrow-ko.svg");
  const got = readFileSync(await file.path());
  const want = execFileSync(CLI, ["render", "lanes-narrow", "--scenario", query]);
  expect(got.equals(want)).toBe(true);
});

test("from 641 px up the lanes are the side-by-side figure again", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=scaling&lang=en");
  const lanes = page.getByTestId("lanes-diagram");
  await expect(lanes).toHaveClass(/narrow/);
  await page.setViewportSize({ width: 960, height: 900 });
  await expect(lanes).not.toHaveClass(/narrow/);
  await expect(lanes.locator("svg")).toHaveAttribute("viewBox", /^0 0 1000 /);
});

// Every other diagram keeps its text readable too: it scrolls sideways in its box rather than
// shrink (the page itself never scrolls sideways).
for (const lang of ["en", "ko"]) {
  test(`on a 360 px phone no diagram of any view draws text under 11 CSS px (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const view of ["stack", "scaling", "msa", "fit"]) {
      await page.goto(`./?view=${view}&lang=${lang}`);
      const figures = page.locator(`[data-testid=view-${view}] figure.diagram`);
      await expect(figures.first().locator("svg")).toBeVisible();
      const n = await figures.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const figure = figures.nth(i);
        if (!(await figure.locator("svg").count())) continue;
        const small = (await textReport(figure)).filter((t) => t.px < 11 - 0.05);
        expect(small.map((t) => `${view}: ${t.text} ${t.px.toFixed(1)}px`)).toEqual([]);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, view).toBeLessThanOrEqual(0);
    }
  });
}

test("on a 360 px phone a tapped stack cell or column brings its details into sight", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=stack&lang=ko");
  const diagram = page.getByTestId("stack-diagram");
  await expect(diagram.locator("svg")).toBeVisible();
  const details = page.getByTestId("layer-details");
  const inSight = () =>
    details.locator("h4").evaluate((h) => {
      const r = h.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  for (const id of ["#stack-faas-applications", "#stack-head-iaas"]) {
    await page.evaluate(() => window.scrollTo(0, 0));
    // The cell itself on screen (its details are below the stack, past the fold).
    await diagram.locator(id).scrollIntoViewIfNeeded();
    await diagram.locator(id).click();
    await expect(details.locator("h4")).toBeVisible();
    await expect.poll(inSight, { message: `${id}'s details on screen` }).toBe(true);
  }
});
