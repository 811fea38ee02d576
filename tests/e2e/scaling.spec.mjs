// Scaling & cost, end to end: the peak slider by keyboard and by mouse raises the autoscaled
// instance count and the FaaS bill; playback moves the clock; a copied URL reproduces the
// screen; back/forward restores it; bad numbers are clamped with a message.
import { test, expect } from "./fixtures.mjs";

class ScalingPage {
  constructor(page) {
    this.page = page;
    this.slider = page.getByTestId("peak-slider");
    this.lanes = page.getByTestId("lanes-diagram");
  }
  async open(query) {
    await this.page.goto(`./?view=scaling&${query}`);
    await expect(this.lanes.locator("svg")).toBeVisible();
  }
  /** The instance count the autoscaled-VM lane shows ("77 instances" → 77). */
  async autoscaledCount() {
    const text = await this.lanes.locator("#lane-vm-auto .lane-count").textContent();
    return Number(text.split(" ")[0].replace(/,/g, ""));
  }
  /** The FaaS month bill in the table, in dollars. */
  async faasBill() {
    const text = await this.page.getByTestId("month-faas").textContent();
    return Number(text.replace(/[^0-9.]/g, ""));
  }
}

test("dragging the peak slider by keyboard raises autoscaled VMs and the FaaS bill", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=50");
  const vms = await s.autoscaledCount();
  const bill = await s.faasBill();
  await s.slider.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press("PageUp");
  await expect(page.getByTestId("peak-value")).not.toHaveText("50 requests/s");
  await expect.poll(() => s.autoscaledCount()).toBeGreaterThan(vms);
  await expect.poll(() => s.faasBill()).toBeGreaterThan(bill);
  // The slider says its value with units for screen readers.
  await expect(s.slider).toHaveAttribute("aria-valuetext", /requests\/s$/);
});

test("dragging the peak slider with the mouse raises autoscaled VMs and the FaaS bill", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=20");
  const vms = await s.autoscaledCount();
  const bill = await s.faasBill();
  const box = await s.slider.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 10 });
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => s.autoscaledCount()).toBeGreaterThan(vms);
  await expect.poll(() => s.faasBill()).toBeGreaterThan(bill);
  await expect(page).toHaveURL(/peak=\d+/);
});

test("playback moves the clock and the lanes follow", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=diurnal&peak=500");
  const before = await page.getByTestId("clock").textContent();
  await page.getByTestId("play").click();
  await expect(page.getByTestId("play")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("clock")).not.toHaveText(before);
  await page.getByTestId("play").click();
  const scrub = page.getByTestId("scrub");
  await scrub.fill("180");
  await expect(page.getByTestId("clock")).toHaveText("03:00");
  await expect(s.lanes.locator("#lanes-clock")).toContainText("03:00");
});

test("renders in Korean with won when asked", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=ko&cur=krw&peak=300");
  await expect(page.locator("#scaling-heading")).toHaveText("확장과 비용");
  await expect(page.getByTestId("month-faas")).toContainText("₩");
  await expect(s.lanes.locator("#lanes-title")).toHaveText("같은 트래픽, 모델별 확장");
});

test("a copied URL reproduces the screen after reload; back and forward restore", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=100");
  await s.slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("PageUp");
  await page.getByTestId("pattern").selectOption("flash");
  const url = page.url();
  const peak = await page.getByTestId("peak-value").textContent();
  const vms = await s.autoscaledCount();
  await page.goto(url);
  await expect(page.getByTestId("peak-value")).toHaveText(peak);
  await expect(page.getByTestId("pattern")).toHaveValue("flash");
  expect(await s.autoscaledCount()).toBe(vms);

  await page.getByTestId("tab-stack").click();
  await expect(page.getByTestId("view-stack")).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId("view-scaling")).toBeVisible();
  await expect(page.getByTestId("peak-value")).toHaveText(peak);
  await page.goForward();
  await expect(page.getByTestId("view-stack")).toBeVisible();
});

test("a bad number is clamped with a message in the page's language", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=ko&peak=100");
  const field = page.getByTestId("ctl-duration");
  await field.fill("-5");
  await field.press("Enter");
  await field.blur();
  await expect(page.locator("#ctl-duration-error")).toContainText("사이의 숫자를 입력하세요");
  await expect(field).toHaveValue("1");
  await field.fill("abc");
  await field.blur();
  await expect(page.getByTestId("month-faas")).not.toContainText("NaN");
});

test("huge and hostile URL values show a notice, never NaN or a broken page", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&peak=1e999&dur=-7&mem=NaN&quota=99999999999&tgt=inf");
  await expect(page.getByTestId("url-notice")).toBeVisible();
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/NaN|Infinity|\binf\b/);
});

test("the show-the-math panel fills each formula with this scenario's numbers", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=10&free=0");
  await page.getByTestId("show-math").locator("summary").click();
  const faas = page.getByTestId("math-faas");
  await expect(faas).toContainText("$0.20");
  await expect(faas).toContainText("GB-s");
  await expect(page.getByTestId("math-vm-fixed")).toContainText("m5.large");
});

test("the header's Export downloads the view's main diagram; charts export CSV", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=300");
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("header-export").click()]);
  expect(svg.suggestedFilename()).toBe("skyscale-lanes-en.svg");
  await page.getByTestId("chart-cost").check();
  await page.getByTestId("export-more-cost").locator("summary").click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-cost-csv").click()]);
  expect(csv.suggestedFilename()).toBe("skyscale-cost-en.csv");
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(await csv.path(), "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/USD/);
  expect(lines.length).toBeGreaterThan(1000);
});

test("printing uses the light palette and carries the math, whatever the theme", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&theme=dark&peak=200");
  await expect(s.lanes.locator("svg > rect").first()).toHaveAttribute("fill", "#0f172a");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(s.lanes.locator("svg > rect").first()).toHaveAttribute("fill", "#ffffff");
  await expect(page.getByTestId("show-math")).toHaveAttribute("open", "");
  await expect(page.getByTestId("math-faas")).toContainText("$");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(s.lanes.locator("svg > rect").first()).toHaveAttribute("fill", "#0f172a");
});

/** A diagram's drawing as data: each element's tag, sorted attributes and own text. */
function drawing(page, testid) {
  return page.getByTestId(testid).evaluate((figure) => {
    const walk = (el) => ({
      tag: el.tagName,
      attrs: [...el.attributes].map((a) => `${a.name}=${a.value}`).sort(),
      text: [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join("").trim(),
      children: [...el.children].map(walk),
    });
    return walk(figure.querySelector("svg"));
  });
}

/** Drags the peak slider through `values` (slider positions), one input event each. */
async function drag(page, values) {
  await page.getByTestId("peak-slider").evaluate(async (el, values) => {
    for (const v of values) {
      el.value = String(v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, values);
}

test("diagrams redrawn in place during a drag equal a fresh drawing of the same scenario", async ({ page }) => {
  // Tall enough that the lanes and the chart are both on screen and redraw on every input.
  await page.setViewportSize({ width: 1280, height: 2400 });
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=spiky&peak=30&theme=light");
  const max = Number(await s.slider.getAttribute("max"));
  // Up and down across the range: instances appear and go, axes gain and lose ticks, series
  // (dropped requests) come and go.
  const stops = [0.9, 0.2, 0.75, 0.05, 1, 0.5, 0.33].map((f) => Math.round(f * max));
  await drag(page, stops);
  const before = await page.locator("figure.diagram svg *").count();
  await drag(page, stops);
  // Redrawing leaves no stray elements behind.
  expect(await page.locator("figure.diagram svg *").count()).toBe(before);
  const lanes = await drawing(page, "lanes-diagram");
  const chart = await drawing(page, "traffic-diagram");
  expect(JSON.stringify(lanes)).toContain("30-day bill");
  // A theme change draws every diagram afresh from its scene; back in the light theme the
  // fresh drawing must be exactly what the in-place redraws left.
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => drawing(page, "lanes-diagram")).not.toEqual(lanes);
  await page.getByTestId("theme").selectOption("light");
  await expect.poll(() => drawing(page, "lanes-diagram")).toEqual(lanes);
  expect(await drawing(page, "traffic-diagram")).toEqual(chart);
});

test("a chart below the fold catches up when the drag pauses, and shows the current traffic", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=20");
  const yTicks = () => page.locator("#chart-axes text").allTextContents();
  const ticksAt20 = await yTicks();
  const max = Number(await s.slider.getAttribute("max"));
  await drag(page, [0.95, 0.97, 0.99].map((f) => Math.round(f * max)));
  // The lanes on screen follow every input at once.
  await expect.poll(() => s.autoscaledCount()).toBeGreaterThan(1);
  // The chart off screen redraws once the input pauses: its axis now reaches the new peak.
  await expect.poll(yTicks).not.toEqual(ticksAt20);
  // Scrolled into view, it is already current: a fresh drawing (theme round trip) matches.
  const chart = await drawing(page, "traffic-diagram");
  await page.getByTestId("traffic-diagram").scrollIntoViewIfNeeded();
  await page.getByTestId("theme").selectOption("dark");
  await page.getByTestId("theme").selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect.poll(() => drawing(page, "traffic-diagram")).toEqual(chart);
});

test("after a drag the view tabs link to the dragged scenario; the header is not rebuilt on the way", async ({ page }) => {
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=50");
  const tab = page.getByTestId("tab-msa");
  // Everything the header and the pattern picker do during the drag, as mutation records.
  await page.evaluate(() => {
    window.__changes = [];
    const watch = new MutationObserver((records) => {
      for (const r of records) {
        // The closed Embed dialog's plain link follows the settled scenario too.
        if (r.target.parentElement?.closest("dialog") || r.target.closest?.("dialog")) continue;
        window.__changes.push(`${r.target.nodeName} ${r.type} ${r.attributeName ?? ""}`.trim());
      }
    });
    for (const el of [document.querySelector(".app-bar"), document.querySelector("#ctl-pattern")]) {
      watch.observe(el, { subtree: true, attributes: true, childList: true, characterData: true });
    }
  });
  await s.slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press("PageUp");
  // Where the drag ended (a slow machine may settle the URL between key presses too: wait for
  // the last value, not the first one that differs).
  const shown = await page.getByTestId("peak-value").textContent();
  const peak = shown.replace(/[^0-9]/g, "");
  expect(Number(peak)).toBeGreaterThan(50);
  await expect(page).toHaveURL(new RegExp(`[?&]peak=${peak}(&|$)`));
  await expect(tab).toHaveAttribute("href", new RegExp(`[?&]peak=${peak}(&|$)`));
  await expect(tab).toHaveAttribute("href", /[?&]view=msa(&|$)/);
  // The header and the pattern list hold still while the peak moves: only the tabs' links
  // change (once the drag pauses); nothing is re-rendered or re-announced on each input.
  const changes = await page.evaluate(() => window.__changes);
  expect(changes.length).toBeGreaterThan(0);
  expect(changes.filter((c) => c !== "A attributes href")).toEqual([]);
  await expect(page.getByTestId("pattern")).toHaveValue("steady");
  // Following the link (as a middle click would) opens the other view at the dragged traffic.
  await page.goto(new URL(await tab.getAttribute("href"), page.url()).href);
  await expect(page.getByTestId("view-msa")).toBeVisible();
  await expect(page.getByTestId("peak-value")).toHaveText(shown);
});

test("the month table below the fold holds still during a drag and catches up when it pauses; on screen it follows every input", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const s = new ScalingPage(page);
  await s.open("lang=en&pat=steady&peak=50");
  const table = page.getByTestId("month-bill");
  await expect(table).not.toBeInViewport();
  const before = await s.faasBill();
  // Ten inputs in quick succession, each in its own task (a fast drag; well inside the 150 ms
  // pause that lets the table catch up): the table is not touched while they come in.
  const drag = (from) =>
    page.evaluate(async (from) => {
      const table = document.querySelector("[data-testid=month-bill]");
      const slider = document.querySelector("[data-testid=peak-slider]");
      let records = 0;
      const watch = new MutationObserver((r) => (records += r.length));
      watch.observe(table, { subtree: true, attributes: true, childList: true, characterData: true });
      const channel = new MessageChannel();
      for (let i = 1; i <= 10; i++) {
        slider.value = String(from + i * 25);
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((r) => {
          channel.port1.onmessage = r;
          channel.port2.postMessage(0);
        });
      }
      watch.disconnect();
      return records;
    }, from);
  expect(await drag(300)).toBe(0);
  // Once the drag pauses it shows the dragged scenario: the same bill a fresh load shows.
  await expect.poll(() => s.faasBill()).toBeGreaterThan(before);
  await expect(page).toHaveURL(/[?&]peak=(?!50\b)\d+/);
  const caughtUp = await page.getByTestId("month-faas").textContent();
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId("month-faas")).toHaveText(caughtUp);
  await fresh.close();
  // Scrolled into view, it changes with the inputs themselves, not after a pause.
  await table.scrollIntoViewIfNeeded();
  await expect(table).toBeInViewport();
  expect(await drag(600)).toBeGreaterThan(0);
});
