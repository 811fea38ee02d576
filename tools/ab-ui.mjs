// Interleaved A/B of slider input → paint for two or more builds, in one headless Chromium.
//
// A single `make bench-ui` run cannot tell two builds apart by less than about a millisecond on
// a small shared VM: the machine runs in fast and slow phases of a second or so. This loads each
// build in its own page and takes turns, a round of inputs on each, so both see the same phases;
// swap the order and run again before believing a difference under ~0.2 ms.
//
//   node tools/ab-ui.mjs DIST_A DIST_B [...] [rounds=20] [height=900]
//   JS0='…' JS1='…'   run this script in page 0 / 1 after load (try a CSS or DOM tweak on one
//                     build against the same build untouched)
//
// Inputs are timed as in bench-ui.mjs (dispatched at the start of a frame, clock stopped in a
// task posted from it, which runs once that frame is painted); 20 inputs per page per round.
import { chromium } from "@playwright/test";
import { startServer } from "../tests/serve.mjs";

const args = process.argv.slice(2);
const dirs = args.filter((a) => !/^\d+$/.test(a));
const [rounds = 20, height = 900] = args.filter((a) => /^\d+$/.test(a)).map(Number);
const PER_ROUND = 20;
if (dirs.length < 2) {
  console.error("usage: node tools/ab-ui.mjs DIST_A DIST_B [...] [rounds] [height]");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-timer-throttling", "--disable-renderer-backgrounding"],
});
const servers = [];
const pages = [];
for (const [k, dir] of dirs.entries()) {
  const server = await startServer({ dir, port: 0 });
  servers.push(server);
  const context = await browser.newContext({ viewport: { width: 1280, height } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/?view=scaling&lang=en`);
  await page.waitForSelector("[data-testid=peak-slider]");
  if (process.env[`JS${k}`]) await page.evaluate(process.env[`JS${k}`]);
  pages.push(page);
}

const run = (page, start) =>
  page.evaluate(
    async ({ start, count }) => {
      const el = document.querySelector("[data-testid=peak-slider]");
      const lo = Number(el.min);
      const hi = Number(el.max);
      const channel = new MessageChannel();
      const out = [];
      for (let i = start; i < start + count; i++) {
        out.push(
          await new Promise((resolve) =>
            requestAnimationFrame(() => {
              const t0 = performance.now();
              el.value = String(lo + (hi - lo) * ((i * 0.6180339887) % 1));
              el.dispatchEvent(new Event("input", { bubbles: true }));
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(0);
            }),
          ),
        );
        await new Promise((r) => setTimeout(r, 3));
      }
      return out;
    },
    { start, count: PER_ROUND },
  );

for (const page of pages) await run(page, 5000); // warm-up
const times = dirs.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (const [k, page] of pages.entries()) {
    await page.bringToFront();
    times[k].push(...(await run(page, r * PER_ROUND)));
  }
}
const quantile = (a, q) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(q * a.length))];
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
console.log(`1280×${height}, ${rounds} rounds × ${PER_ROUND} inputs per build, input → paint (ms):`);
for (const [k, dir] of dirs.entries()) {
  const t = times[k];
  console.log(`  ${dir.padEnd(28)} p50 ${quantile(t, 0.5).toFixed(2)}  p95 ${quantile(t, 0.95).toFixed(2)}  mean ${mean(t).toFixed(2)}`);
}
await browser.close();
for (const server of servers) server.close();
