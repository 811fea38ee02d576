// `make profile-ui`: where a traffic-slider input's time goes, from a Chromium trace.
//
// A companion to `make bench-ui` (which measures the total): the same slider inputs, one per
// frame, under a devtools timeline trace; prints the mean time per input of the renderer's main
// thread phases (script: the input handler and the app's reactive effects; then style, layout,
// pre-paint, paint, and HTML parsing of redrawn SVG), so an optimisation can be aimed and its
// effect read as a ratio.
//
//   node tools/profile-ui.mjs [dist] [inputs]
import { chromium } from "@playwright/test";
import { startServer } from "../tests/serve.mjs";

const dist = process.argv[2] ?? "dist";
const INPUTS = Number(process.argv[3] ?? 100);
const SLIDER = "[data-testid=peak-slider]";
const PHASES = [
  ["FireAnimationFrame", "script (input handler and effects)"],
  ["RunMicrotasks", "  of which: reactive effects"],
  ["ParseHTML", "  of which: parsing redrawn SVG"],
  ["UpdateLayoutTree", "style"],
  ["Layout", "layout"],
  ["PrePaint", "pre-paint"],
  ["Paint", "paint"],
  ["Layerize", "layerize"],
  ["Commit", "commit"],
];

const server = await startServer({ dir: dist, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}?view=scaling&lang=en`);
  await page.waitForSelector(SLIDER);
  const drive = (count, offset) =>
    page.evaluate(
      async ({ selector, count, offset }) => {
        const el = document.querySelector(selector);
        const lo = Number(el.min || 0);
        const hi = Number(el.max || 100);
        for (let i = offset; i < offset + count; i++) {
          await new Promise((r) =>
            requestAnimationFrame(() => {
              el.value = String(lo + (hi - lo) * ((i * 0.6180339887) % 1));
              el.dispatchEvent(new Event("input", { bubbles: true }));
              const c = new MessageChannel();
              c.port1.onmessage = r;
              c.port2.postMessage(0);
            }),
          );
        }
      },
      { selector: SLIDER, count, offset },
    );
  await drive(30, 1000); // warm-up
  await browser.startTracing(page, { categories: ["devtools.timeline"] });
  await drive(INPUTS, 0);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents;
  // The renderer's main thread: where the FireAnimationFrame events are.
  const main = events.find((e) => e.name === "FireAnimationFrame");
  const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === "X");
  console.log(`profile-ui: ${INPUTS} slider inputs on ${dist}/, mean per input (main thread)\n`);
  let total = 0;
  for (const [name, label] of PHASES) {
    const ms = onMain.filter((e) => e.name === name).reduce((sum, e) => sum + e.dur, 0) / 1000 / INPUTS;
    if (!label.startsWith(" ")) total += ms;
    console.log(`  ${label.padEnd(36)} ${ms.toFixed(2).padStart(6)} ms`);
  }
  console.log(`  ${"sum".padEnd(36)} ${total.toFixed(2).padStart(6)} ms`);
} finally {
  await browser.close();
  server.close();
}
