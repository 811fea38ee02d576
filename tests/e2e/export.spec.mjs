// Export from every diagram and chart: the SVG equals `skyscale render` byte for byte (light by
// default, the current theme on request) for every picture of every view, in both languages and
// over several scenarios (the break-even chart's log axes used to come out a pixel apart in wasm
// and natively); a chart's CSV equals `skyscale render --format csv` byte for byte and starts
// with the UTF-8 byte-order mark Excel needs; PNG is drawn at 2×, "copy SVG" puts the same text
// on the clipboard, no exported file carries script, handlers, foreignObject or outside
// references, and every glyph of an exported picture comes from the one Korean-capable font the
// file names first (no mark drawn by a fallback font at another size).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";

const CLI = process.env.SKYSCALE_CLI ?? "target/release/skyscale";

/** Scenarios per view: defaults, the notes' cases, extremes, KRW, and (for the charts) rates
 * spread over many decades so the log axes land on many different pixels. */
const CASES = [
  { view: "stack", query: "view=stack" },
  { view: "stack", query: "view=stack&cell=paas-runtime" },
  { view: "stack", query: "view=stack&step=4&hl=faas" },
  { view: "scaling", query: "view=scaling" },
  { view: "scaling", query: "view=scaling&pat=flash&peak=2500&t=600" },
  { view: "scaling", query: "view=scaling&pat=bursty&peak=100000&t=1105" },
  { view: "scaling", query: "view=scaling&pat=batch&peak=3&dur=200&mem=1024&cur=krw" },
  { view: "scaling", query: "view=scaling&pat=iot&peak=40&free=1&gran=100&arch=arm64" },
  { view: "scaling", query: "view=scaling&pat=growth&peak=730&cpu=180&vm=t3.micro&ctr=cloud-run" },
  { view: "scaling", query: "view=scaling&pat=business&peak=17&dur=900000&legacy=1&faas=azure" },
  { view: "msa", query: "view=msa" },
  { view: "msa", query: "view=msa&fail=payments" },
  { view: "msa", query: "view=msa&deploy=dispatch&peak=3000" },
];

/** Runs the CLI; returns its stdout as bytes. */
function cli(args) {
  return execFileSync(CLI, args, { maxBuffer: 64 * 1024 * 1024 });
}

function checkSafe(file) {
  expect(file).not.toMatch(/<script|foreignObject|<style|\son\w+\s*=/i);
  expect(file.match(/https?:\/\/[^"'\s<]*/g)).toEqual(["http://www.w3.org/2000/svg"]);
}

async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

/** Opens (or closes) a diagram's "More formats" menu, whatever state it is in. */
async function menu(page, name, open) {
  const details = page.getByTestId(`export-more-${name}`);
  if ((await details.evaluate((d) => d.open)) !== open) await details.locator("summary").click();
  await expect(details).toHaveJSProperty("open", open);
}

/** The names of the diagrams the page shows now, in page order (`diagram-<name>` blocks). */
async function diagramNames(page) {
  const ids = await page.locator("[data-testid^='diagram-']").evaluateAll((els) => els.map((e) => e.dataset.testid));
  return ids.map((id) => id.replace(/^diagram-/, ""));
}

/** Every picture of the view: the diagrams on the page, and each chart the chart picker offers. */
async function* everyPicture(page) {
  const pickers = page.locator("input[type=radio][name=chart]");
  const charts = await pickers.count();
  const seen = new Set();
  for (let i = 0; i < Math.max(charts, 1); i++) {
    if (charts > 0) {
      await pickers.nth(i).check();
      const code = await pickers.nth(i).getAttribute("value");
      await expect(page.getByTestId(`${code}-diagram`).locator("svg")).toBeVisible();
    }
    for (const name of await diagramNames(page)) {
      if (seen.has(name)) continue;
      seen.add(name);
      yield name;
    }
  }
}

/** The scenario the page is showing, as the query the CLI takes. */
const scenarioOf = (page) => new URL(page.url()).search.slice(1);

for (const { view, query } of CASES) {
  for (const lang of ["en", "ko"]) {
    test(`${query} (${lang}): every picture's SVG (and CSV) equals the CLI's and is safe`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto(`./?${query}&lang=${lang}`);
      await expect(page.getByTestId(`view-${view}`)).toBeVisible();
      const names = [];
      for await (const name of everyPicture(page)) {
        names.push(name);
        await expect(page.getByTestId(`${name}-diagram`).locator("svg")).toBeVisible();
        const { name: fileName, body } = await download(page, `export-${name}`);
        expect(fileName).toBe(`skyscale-${name}-${lang}.svg`);
        const file = body.toString("utf8");
        checkSafe(file);
        // Parses as XML and shows what the screen shows.
        const texts = await page.evaluate((src) => {
          const doc = new DOMParser().parseFromString(src, "image/svg+xml");
          if (doc.querySelector("parsererror")) throw new Error("not XML");
          return [...doc.querySelectorAll("text")].map((t) => t.textContent);
        }, file);
        const onScreen = await page.getByTestId(`${name}-diagram`).locator("svg text").allTextContents();
        expect(texts).toEqual(onScreen);
        const scenario = scenarioOf(page);
        const native = cli(["render", name, "--scenario", scenario, "--lang", lang]);
        expect(native.toString("utf8"), `${name} for ${scenario}: app export and CLI differ`).toBe(file);
        expect(Buffer.compare(native, body), `${name}: bytes`).toBe(0);

        const csvButton = page.getByTestId(`export-${name}-csv`);
        if ((await csvButton.count()) > 0) {
          await menu(page, name, true);
          const csv = await download(page, `export-${name}-csv`);
          expect(csv.name).toBe(`skyscale-${name}-${lang}.csv`);
          // Excel reads a CSV as UTF-8 only after a byte-order mark.
          expect(csv.body.subarray(0, 3).toString("hex")).toBe("efbbbf");
          const nativeCsv = cli(["render", name, "--format", "csv", "--scenario", scenario, "--lang", lang]);
          expect(Buffer.compare(nativeCsv, csv.body), `${name} CSV for ${scenario}: app and CLI differ`).toBe(0);
          await menu(page, name, false);
        }
      }
      const expected = {
        stack: ["stack", "serverless"],
        scaling: ["lanes", "traffic", "cost", "latency", "breakeven"],
        msa: ["monolith", "microservices"],
      }[view];
      // Every picture the view is known to have was compared (and any added since).
      for (const name of expected ?? []) expect(names).toContain(name);
    });
  }
}

test("every chart's dark export equals the CLI's --theme dark", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("./?view=scaling&pat=flash&peak=900&theme=dark&lang=ko");
  for await (const name of everyPicture(page)) {
    await menu(page, name, true);
    // By its label: after a chart switch Chromium (headless) keeps a 0 × 0 box for the reused
    // checkbox until the next full paint, though it draws it; the label's text has a box.
    const theme = page.getByTestId(`export-${name}-theme`);
    if (!(await theme.isChecked())) await page.getByTestId(`export-more-${name}`).locator("label.check span").click();
    await expect(theme).toBeChecked();
    const dark = await download(page, `export-${name}`);
    expect(dark.name).toBe(`skyscale-${name}-ko-dark.svg`);
    const native = cli(["render", name, "--lang", "ko", "--theme", "dark", "--scenario", scenarioOf(page)]);
    expect(Buffer.compare(native, dark.body), `${name} (dark): app export and CLI differ`).toBe(0);
    await menu(page, name, false);
  }
});

test("PNG at 2×, copy SVG, and the current theme on request", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./?view=stack&lang=ko&theme=dark");
  const svgBox = await page.getByTestId("stack-diagram").locator("svg").evaluate((s) => s.viewBox.baseVal.width);
  await page.getByTestId("export-more-stack").locator("summary").click();
  const png = await download(page, "export-stack-png");
  expect(png.name).toBe("skyscale-stack-ko.png");
  expect(png.body.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.body.readUInt32BE(16)).toBe(Math.ceil(svgBox * 2));
  expect(png.body.length).toBeGreaterThan(20_000); // a real picture, not a blank canvas

  const light = await download(page, "export-stack");
  expect(light.body.toString("utf8")).toContain('fill="#ffffff"');
  await page.getByTestId("copy-stack").click();
  await expect(page.getByTestId("export-status-stack")).toContainText("클립보드");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(light.body.toString("utf8"));

  await page.getByTestId("export-stack-theme").check();
  const dark = await download(page, "export-stack");
  expect(dark.name).toBe("skyscale-stack-ko-dark.svg");
  const text = dark.body.toString("utf8");
  expect(text).toContain('fill="#0f172a"');
  checkSafe(text);
  const native = cli(["render", "stack", "--lang", "ko", "--theme", "dark", "--scenario", "theme=dark"]);
  expect(native.toString("utf8")).toBe(text);
});

test("charts offer their series as CSV, with the BOM, in both languages", async ({ page }) => {
  for (const lang of ["en", "ko"]) {
    await page.goto(`./?view=scaling&lang=${lang}`);
    await page.getByTestId("chart-cost").check();
    await menu(page, "cost", true);
    const csv = await download(page, "export-cost-csv");
    expect(csv.name).toBe(`skyscale-cost-${lang}.csv`);
    expect(csv.body.subarray(0, 3).toString("hex")).toBe("efbbbf");
    // Decoded as UTF-8 (what Excel does once it sees the mark), the header reads right.
    const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(csv.body);
    const rows = text.split("\r\n");
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0]).toMatch(lang === "ko" ? /[가-힣]/ : /^[\x20-\x7e]+$/);
  }
});

/** Every `<text>` of an exported picture, opened as a file in Chromium: the fonts its glyphs
 * were drawn with (from the DevTools protocol: family name and glyph count per font). */
async function fontsOfExport(page, context, svg) {
  // After the previous picture the page is an SVG document: leave it first.
  await page.goto("about:blank");
  const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "text" });
  const used = new Map();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    for (const f of fonts) used.set(f.familyName, (used.get(f.familyName) ?? 0) + f.glyphCount);
  }
  await cdp.detach();
  return { used, texts: nodeIds.length };
}

test("every glyph of every exported picture comes from the first font the file names", async ({ page, context }) => {
  test.setTimeout(120_000);
  // The pictures with the most marks and words: a failure, a deploy, the lanes, a chart.
  const pictures = [];
  for (const lang of ["en", "ko"]) {
    for (const [view, q] of [["msa", "fail=payments"], ["msa", "deploy=dispatch"], ["stack", "cell=faas-runtime"], ["scaling", "pat=flash&peak=2500&t=600"]]) {
      await page.goto(`./?view=${view}&${q}&lang=${lang}`);
      for await (const name of everyPicture(page)) {
        const { body } = await download(page, `export-${name}`);
        pictures.push({ label: `${view} ${q} ${name} (${lang})`, svg: body.toString("utf8") });
      }
    }
  }
  for (const { label, svg } of pictures) {
    const first = svg.match(/font-family="([^"]*)"/)[1].split(",")[0].trim().replace(/^'|'$/g, "");
    const { used, texts } = await fontsOfExport(page, context, svg);
    expect(texts, label).toBeGreaterThan(0);
    expect([...used.keys()], `${label}: glyphs from ${[...used].map(([f, n]) => `${f} ×${n}`).join(", ")}`).toEqual([first]);
  }
});
