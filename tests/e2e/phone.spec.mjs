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

// Upright phones draw the lanes' narrow rows; a phone on its side (issue 15: 740 × 360, where
// the wide lanes drew 7.4 px text and ran under the dock) and a larger one on its side draw the
// short rows, two lines a model, at 1:1.
for (const [w, h, layout] of [[360, 740, "narrow"], [412, 915, "narrow"], [740, 360, "short"], [915, 412, "short"]]) {
  for (const lang of ["en", "ko"]) {
    test(`on a ${w} × ${h} phone the lanes stay in sight above the docked slider while it drags (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?view=scaling&lang=${lang}&pat=steady&peak=100`);
      const lanes = page.getByTestId("lanes-diagram");
      const slider = page.getByTestId("peak-slider");
      await expect(lanes.locator("svg")).toBeVisible();
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
      // Soft: a run reports lanes under the dock and small text both (the wide lanes at 740 ×
      // 360 did both).
      for (const [top, bottom] of before.rows) {
        expect.soft(top).toBeGreaterThanOrEqual(0);
        expect.soft(bottom).toBeLessThanOrEqual(before.dock.y);
      }
      const texts = await textReport(lanes);
      expect(texts.length).toBeGreaterThan(20);
      expect.soft(texts.filter((t) => t.px < 11 - 0.05).map((t) => `${t.text} ${t.px.toFixed(1)}px`)).toEqual([]);
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
      // Readable (above) and whole: no lane text cut at the figure's edge.
      expect(texts.filter((t) => !t.inside).map((t) => t.text)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // A phone layout: rows drawn for the screen, not a 1,000-unit scene shrunk.
      await expect(lanes).toHaveClass(new RegExp(layout));
      await page.screenshot({ path: `tests/output/phone-scaling-${lang}-${w}x${h}.png` });
      // The page's end is not hidden under the dock.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const footer = await page.locator(".site-footer").boundingBox();
      expect(footer.y + footer.height).toBeLessThanOrEqual((await page.locator(".control-peak").boundingBox()).y + 1);
    });
  }
}

for (const [w, h, layout, query] of [
  [360, 740, "narrow", "lang=ko&pat=flash&peak=2000&t=1125"],
  [740, 360, "short", "lang=en&pat=bursty&peak=5000&t=600&cur=krw"],
]) {
  test(`the ${layout} layout's SVG export is the CLI's lanes-${layout}, byte for byte`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`./?view=scaling&${query}`);
    await expect(page.getByTestId("lanes-diagram")).toHaveClass(new RegExp(layout));
    const download = page.waitForEvent("download");
    await page.getByTestId("export-lanes").click();
    const file = await download;
    const lang = new URLSearchParams(query).get("lang");
    expect(file.suggestedFilename()).toBe(`skyscale-lanes-${layout}-${lang}.svg`);
    const got = readFileSync(await file.path());
    const want = execFileSync(CLI, ["render", `lanes-${layout}`, "--scenario", query]);
    expect(got.equals(want)).toBe(true);
  });
}

// A tablet or a 720 px course frame gets the short rows at 1:1 (the side-by-side lanes drew
// 6 px text there); from 960 px up the lanes are the side-by-side figure again.
test("from 641 px the lanes are the short rows, from 960 px the side-by-side figure again", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=scaling&lang=en");
  const lanes = page.getByTestId("lanes-diagram");
  await expect(lanes).toHaveClass(/narrow/);
  await page.setViewportSize({ width: 720, height: 900 });
  await expect(lanes).toHaveClass(/short/);
  await expect(lanes.locator("svg")).toHaveAttribute("viewBox", /^0 0 640 /);
  await page.setViewportSize({ width: 960, height: 900 });
  await expect(lanes).not.toHaveClass(/narrow/);
  await expect(lanes.locator("svg")).toHaveAttribute("viewBox", /^0 0 1000 /);
});

// The layout follows what fits the window, live: turning a phone on its side and back, and a
// laptop's window (1280 × 800) keeps the side-by-side lanes beside the controls, its slider in
// place.
test("turning a phone on its side switches the lanes to the short rows and back", async ({ page }) => {
  const lanes = page.getByTestId("lanes-diagram");
  const viewBox = () => lanes.locator("svg").getAttribute("viewBox");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("./?view=scaling&lang=ko");
  await expect(lanes.locator("svg")).toHaveAttribute("viewBox", /^0 0 1000 /);
  await expect(lanes).not.toHaveClass(/narrow|short/);
  expect(await page.locator(".control-peak").evaluate((el) => getComputedStyle(el).position)).not.toBe("fixed");
  for (const [w, h, layout, width] of [[360, 740, "narrow", 320], [740, 360, "short", 640], [360, 740, "narrow", 320], [1280, 800, "", 1000]]) {
    await page.setViewportSize({ width: w, height: h });
    if (layout) await expect(lanes).toHaveClass(new RegExp(layout));
    await expect.poll(viewBox, `${w} × ${h}`).toMatch(new RegExp(`^0 0 ${width} `));
  }
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

// A figure wider than its box says so (issue 15): on a 360 px phone its right edge fades and
// "Scroll sideways →" sits over it while more of it lies there, and both go once it is scrolled
// to the end; a figure that fits shows neither. While it scrolls, the box takes keyboard focus
// (the arrow keys move it) and is named so.

/** The cue's words while the diagram block shows them (over its figure, with the edge faded),
 *  else null. */
const cueOf = (block) =>
  block.evaluate((el) => {
    const row = el.querySelector(".diagram-actions");
    const cue = getComputedStyle(row, "::before");
    const faded = getComputedStyle(el.querySelector("figure.diagram")).maskImage !== "none";
    return cue.visibility === "visible" && cue.content !== "none" && faded ? row.dataset.cue : null;
  });

test("on a 740 px phone, playing the day, Pause stays on screen while the lanes are watched", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=scaling&lang=ko");
  const play = page.getByTestId("play");
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "true");
  // Scrolled down to the lanes' last rows: Pause is still wholly in the window.
  const lanes = page.getByTestId("lanes-diagram");
  await lanes.evaluate((el) => el.scrollIntoView({ block: "end" }));
  await expect(lanes).toBeInViewport();
  await expect(play).toBeInViewport({ ratio: 1 });
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "false");
});

test("on a 360 px phone the scroll cue leaves the chart's title readable, and a switched chart opens at its start", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=scaling&lang=ko");
  const block = page.getByTestId("diagram-traffic");
  const figure = page.getByTestId("traffic-diagram");
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => cueOf(block)).toBe("옆으로 밀어 보기 →");
  // The cue's box (bottom right corner of the block) and the title's box do not meet.
  const overlap = await block.evaluate((el) => {
    const row = el.querySelector(".diagram-actions");
    const cue = getComputedStyle(row, "::before");
    const b = el.getBoundingClientRect();
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const w = parseFloat(cue.width), h = parseFloat(cue.height);
    const c = { left: b.right - 0.4 * rem - w, right: b.right - 0.4 * rem, top: b.bottom - 0.4 * rem - h, bottom: b.bottom - 0.4 * rem };
    const t = el.querySelector("figure svg text").getBoundingClientRect();
    return !(c.right <= t.left || c.left >= t.right || c.bottom <= t.top || c.top >= t.bottom);
  });
  expect(overlap).toBe(false);
  // Scrolled to its end, then another chart: it opens at its left edge (title, axis).
  await figure.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => figure.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  await page.getByTestId("chart-cost").click();
  const cost = page.getByTestId("cost-diagram");
  await expect(cost.locator("svg")).toBeVisible();
  await expect.poll(() => cost.evaluate((el) => el.scrollLeft)).toBe(0);
});

for (const [lang, cue] of [["en", "Scroll sideways →"], ["ko", "옆으로 밀어 보기 →"]]) {
  test(`on a 360 px phone a diagram that scrolls sideways says so until its end (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`./?view=stack&lang=${lang}`);
    const stack = page.getByTestId("stack-diagram");
    const block = page.getByTestId("diagram-stack");
    await expect(stack.locator("svg")).toBeVisible();
    const scrolls = await stack.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scrolls).toBeGreaterThan(40);
    await expect.poll(() => cueOf(block)).toBe(cue);
    // Keyboard: the box is a tab stop with a name, and the arrow keys scroll it.
    await expect(stack).toHaveAttribute("tabindex", "0");
    await expect(stack).toHaveAttribute("aria-label", new RegExp(lang === "en" ? "arrow keys" : "화살표 키"));
    // Named by its own title first: the stack and "FaaS ⊂ Serverless" both scroll, and a
    // screen reader tells the two tab stops apart.
    const title = (await stack.locator("svg > title").first().textContent()).trim();
    expect((await stack.getAttribute("aria-label")).startsWith(`${title}. `)).toBe(true);
    // (Focus and press again until it moves: on a loaded 2-core CI machine the first key can
    // land before the box has its final layout; what is asserted is that the keys scroll it.)
    await expect(async () => {
      await stack.focus();
      await page.keyboard.press("ArrowRight");
      expect(await stack.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }).toPass({ timeout: 10000 });
    expect(await cueOf(block)).toBe(cue);
    await page.screenshot({ path: `tests/output/phone-scroll-cue-${lang}.png` });
    // Scrolled to its end: nothing more to the right, no cue.
    await stack.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => cueOf(block)).toBe(null);
    // And back.
    await stack.evaluate((el) => el.scrollTo({ left: 0 }));
    await expect.poll(() => cueOf(block)).toBe(cue);
    // The lanes' rows fit a phone: no cue, no extra tab stop.
    await page.goto(`./?view=scaling&lang=${lang}`);
    const lanes = page.getByTestId("lanes-diagram");
    await expect(lanes.locator("svg")).toBeVisible();
    expect(await lanes.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    expect(await cueOf(page.getByTestId("diagram-lanes"))).toBe(null);
    await expect(lanes).not.toHaveAttribute("tabindex");
    // A chart below does scroll, and says so.
    const chart = page.locator("[data-testid=charts] .diagram-block");
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => cueOf(chart)).toBe(cue);
  });
}

test("a diagram that fits a wide window shows no scroll cue", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("./?view=stack&lang=en");
  const stack = page.getByTestId("stack-diagram");
  const block = page.getByTestId("diagram-stack");
  await expect(stack.locator("svg")).toBeVisible();
  expect(await cueOf(block)).toBe(null);
  await expect(stack).not.toHaveAttribute("tabindex");
  // Narrowed to a phone, it overflows and says so; widened again, it does not.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => cueOf(block)).toBe("Scroll sideways →");
  await expect(stack).toHaveAttribute("tabindex", "0");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => cueOf(block)).toBe(null);
  await expect(stack).not.toHaveAttribute("tabindex");
});

// What the student walkthrough met on a 360 px phone (issue 15).
test("on a 360 px phone a story step brings its column into the figure's sight", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=stack&lang=ko");
  const figure = page.getByTestId("stack-diagram");
  await expect(figure.locator("svg")).toBeVisible();
  for (let step = 2; step <= 6; step++) {
    await page.getByTestId("story-next").click();
    await expect(page).toHaveURL(new RegExp(`step=${step}`));
    await expect
      .poll(() =>
        figure.evaluate((fig) => {
          const col = fig.querySelector("#stack-highlight");
          if (!col) return "no highlight";
          const [r, b] = [col.getBoundingClientRect(), fig.getBoundingClientRect()];
          return r.left >= b.left - 1 && r.right <= b.right + 1 ? "in sight" : `${r.left}..${r.right} outside ${b.left}..${b.right}`;
        }),
        `step ${step}`,
      )
      .toBe("in sight");
  }
});

test("on a 360 px phone a drag begun at the top of the page brings the lanes into sight", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=scaling&lang=ko");
  const lanes = page.getByTestId("lanes-diagram");
  await expect(lanes.locator("svg")).toBeVisible();
  const dockTop = (await page.locator(".control-peak").boundingBox()).y;
  expect((await lanes.boundingBox()).y, "the lanes start below the first screen").toBeGreaterThan(dockTop - 100);
  const sb = await page.getByTestId("peak-slider").boundingBox();
  await page.mouse.move(sb.x + sb.width * 0.3, sb.y + sb.height / 2);
  await page.mouse.down();
  await page.mouse.move(sb.x + sb.width * 0.5, sb.y + sb.height / 2, { steps: 4 });
  await page.mouse.up();
  const box = await lanes.boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(dockTop / 2);
});

test("on a 360 px phone a drag begun with the lanes half under the docked slider brings all of them into sight", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  // Where the stack's "see it scale" link lands: the highlighted lane's rows under the dock.
  await page.goto("./?view=scaling&lang=ko&hl=faas");
  const lanes = page.getByTestId("lanes-diagram");
  await expect(lanes.locator("svg")).toBeVisible();
  const dockTop = (await page.locator(".control-peak").boundingBox()).y;
  await lanes.evaluate((el, top) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - top), dockTop - 250);
  let box = await lanes.boundingBox();
  expect(box.y + box.height, "the lanes' end is under the dock").toBeGreaterThan(dockTop);
  expect(box.height, "the lanes fit above the dock").toBeLessThan(dockTop - 8);
  const sb = await page.getByTestId("peak-slider").boundingBox();
  await page.mouse.move(sb.x + sb.width * 0.3, sb.y + sb.height / 2);
  await page.mouse.down();
  await page.mouse.move(sb.x + sb.width * 0.5, sb.y + sb.height / 2, { steps: 4 });
  box = await lanes.boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(dockTop);
  await page.mouse.up();
});

test("on a 360 px phone a field the keyboard moves to is never under the docked slider", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("./?view=scaling&lang=ko");
  await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
  const dockTop = (await page.locator(".control-peak").boundingBox()).y;
  for (const id of ["ctl-cpu", "ctl-duration", "ctl-memory"]) {
    await page.locator(`#${id}`).focus();
    const box = await page.locator(`#${id}`).boundingBox();
    expect(box.y + box.height, id).toBeLessThanOrEqual(dockTop);
  }
});

test("on a 360 px phone the header leaves the screen to the view", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const lang of ["ko", "en"]) {
    await page.goto(`./?view=stack&lang=${lang}`);
    const header = await page.locator("header.app-bar").boundingBox();
    // It took 420 px of 740; the tabs are a 2 × 2 grid of 44 px targets.
    expect(header.height, lang).toBeLessThanOrEqual(340);
    for (const tab of await page.locator(".tab").all()) expect((await tab.boundingBox()).height).toBeGreaterThanOrEqual(44);
  }
});
