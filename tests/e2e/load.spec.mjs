// First load (issue 18): dist/ carries precompressed copies of what the page loads, the test
// server serves them the way a host would (`--compress`), `make size` reports its three
// figures consistently, and `make bench-load` finds, on every URL it measures, the element it
// waits for and a control that answers — so the benchmark cannot quietly measure nothing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { test as base } from "@playwright/test";
import { test, expect } from "./fixtures.mjs";
import { startServer } from "../serve.mjs";
import { act, blockingTime, layoutShiftScore, median, plan, URLS } from "../../tools/bench-load.mjs";

const DIST = process.env.E2E_DIST ?? "dist";
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** GET `path` with exactly these request headers; the body as sent (not decoded). */
function get(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

base("dist/: a .br and a .gz beside each file the page loads, each decoding to that file", () => {
  const all = files(DIST);
  const loaded = all.filter((f) => /\.(?:html|js|css|wasm)$/.test(f) && !/embed-demo/.test(f));
  expect(loaded.some((f) => f.endsWith(".wasm"))).toBe(true);
  for (const file of loaded) {
    const bytes = readFileSync(file);
    const name = relative(DIST, file);
    expect(existsSync(`${file}.br`), `${name}.br`).toBe(true);
    expect(existsSync(`${file}.gz`), `${name}.gz`).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), `${name}.br decodes to ${name}`).toBe(true);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${name}.gz decodes to ${name}`).toBe(true);
  }
  // No stale copy: every .br/.gz belongs to a file that is there and decodes to it.
  for (const copy of all.filter((f) => /\.(?:br|gz)$/.test(f))) {
    const source = copy.replace(/\.(?:br|gz)$/, "");
    expect(existsSync(source), `${relative(DIST, copy)} has its file`).toBe(true);
    const decode = copy.endsWith(".br") ? brotliDecompressSync : gunzipSync;
    expect(decode(readFileSync(copy)).equals(readFileSync(source)), `${relative(DIST, copy)} is current`).toBe(true);
  }
});

base("serve --compress: brotli when accepted, else gzip, else identity; on-the-fly gzip; off by default", async () => {
  const wasm = readdirSync(DIST).find((f) => f.endsWith(".wasm"));
  const plain = readFileSync(join(DIST, wasm));
  const server = await startServer({ dir: DIST, port: 0, base: "/s/", compress: true });
  const port = server.address().port;
  try {
    const br = await get(port, `/s/${wasm}`, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toBe("application/wasm");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.equals(readFileSync(join(DIST, `${wasm}.br`)))).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);

    const gz = await get(port, `/s/${wasm}`, { "Accept-Encoding": "gzip, br;q=0" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);

    const none = await get(port, `/s/${wasm}`);
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.headers.vary).toBe("Accept-Encoding");
    expect(none.body.equals(plain)).toBe(true);

    // The page itself at the folder's URL is index.html(.br).
    const page = await get(port, "/s/", { "Accept-Encoding": "br" });
    expect(page.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(page.body).toString()).toContain("Content-Security-Policy");
  } finally {
    server.close();
  }

  // A file without precompressed copies is gzipped on the fly; an image is sent as it is.
  const dir = mkdtempSync(join(tmpdir(), "skyscale-serve-"));
  writeFileSync(join(dir, "a.css"), "body { color: red }\n".repeat(100));
  writeFileSync(join(dir, "b.png"), Buffer.alloc(64, 1));
  const fly = await startServer({ dir, port: 0, compress: true });
  try {
    const css = await get(fly.address().port, "/a.css", { "Accept-Encoding": "br, gzip" });
    expect(css.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(css.body).toString()).toBe("body { color: red }\n".repeat(100));
    const png = await get(fly.address().port, "/b.png", { "Accept-Encoding": "br, gzip" });
    expect(png.headers["content-encoding"]).toBeUndefined();
  } finally {
    fly.close();
  }

  // compress: "gzip" (bench-load --gzip-only) never sends brotli.
  const gzipOnly = await startServer({ dir: DIST, port: 0, compress: "gzip" });
  try {
    const res = await get(gzipOnly.address().port, `/${wasm}`, { "Accept-Encoding": "gzip, br" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.body.equals(readFileSync(join(DIST, `${wasm}.gz`)))).toBe(true);
  } finally {
    gzipOnly.close();
  }

  // Without --compress (the end-to-end tests' server) nothing is encoded.
  const off = await startServer({ dir: DIST, port: 0 });
  try {
    const res = await get(off.address().port, `/${wasm}`, { "Accept-Encoding": "gzip, br" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.equals(plain)).toBe(true);
  } finally {
    off.close();
  }
});

base("make size: three figures in gzip and brotli that add up, over the same files as before", () => {
  const out = JSON.parse(execFileSync("node", ["tools/size.mjs", DIST, "--json", "--budget-kb", "100000"], { encoding: "utf8" }));
  const names = out.files.map((f) => f.name);
  expect(names).toContain("index.html");
  expect(names.some((n) => n.endsWith(".wasm"))).toBe(true);
  expect(names.filter((n) => /\.(?:br|gz)$/.test(n))).toEqual([]);
  expect(names.filter((n) => n.startsWith("embed-demo"))).toEqual([]);
  const { firstPaint, interactive, all } = out.figures;
  for (const k of ["gz", "br", "raw"]) {
    expect(all[k]).toBe(out.files.reduce((s, f) => s + f[k], 0));
    expect(firstPaint[k]).toBeLessThanOrEqual(interactive[k]);
    expect(interactive[k]).toBeLessThanOrEqual(all[k]);
  }
  expect(all.br).toBeLessThan(all.gz);
  // The print stylesheet and the icon are not needed to paint or to use the page.
  const stage = Object.fromEntries(out.files.map((f) => [f.name, f.stage]));
  expect(Object.entries(stage).filter(([n]) => n.startsWith("print")).map(([, s]) => s)).toEqual(["later"]);
  expect(stage["favicon.svg"]).toBe("later");
  expect(stage["index.html"]).toBe("paint");
  const wasmStage = Object.entries(stage).find(([n]) => n.endsWith(".wasm"))[1];
  expect(wasmStage).toBe("app");
  // Today's page paints nothing before the app: its first paint needs the app too.
  if (!out.paintsBeforeApp) expect(firstPaint).toEqual(interactive);
  // The table's total line shows the gzip total the budget is judged on.
  const text = execFileSync("node", ["tools/size.mjs", DIST, "--budget-kb", "100000"], { encoding: "utf8" });
  expect(text).toContain(`${(all.gz / 1024).toFixed(1)} KB gzip`);
  expect(text).toMatch(/bytes before first paint .* KB gzip .* KB brotli/);
  expect(text).toMatch(/bytes until interactive \(default view\) .* KB gzip/);
  expect(text).toMatch(/all bytes .* KB gzip .* KB brotli/);
});

base("bench-load: Lighthouse's blocking time and layout-shift windows", () => {
  // Lighthouse's worked example: a 150 ms task [0, 150] with FCP at 50 is clipped to [50, 150]:
  // 50 ms blocking. A task ending before FCP or starting after interactive counts nothing.
  expect(blockingTime([{ start: 0, duration: 150 }], 50, 1000)).toBe(50);
  expect(blockingTime([{ start: 0, duration: 40 }, { start: 100, duration: 49 }], 0, 1000)).toBe(0);
  expect(blockingTime([{ start: 0, duration: 200 }], 300, 1000)).toBe(0);
  expect(blockingTime([{ start: 900, duration: 200 }], 0, 1000)).toBe(50);
  expect(blockingTime([{ start: 100, duration: 120 }, { start: 400, duration: 60 }], 0, 1000)).toBe(80);
  // Session windows: shifts less than 1 s apart add up, a longer gap starts a new window, a
  // window spans at most 5 s; the largest window is the score.
  expect(layoutShiftScore([])).toBe(0);
  expect(layoutShiftScore([{ t: 0, value: 0.1 }, { t: 900, value: 0.1 }, { t: 2500, value: 0.15 }])).toBeCloseTo(0.2);
  const steady = Array.from({ length: 12 }, (_, i) => ({ t: i * 800, value: 0.01 }));
  expect(layoutShiftScore(steady)).toBeCloseTo(0.07); // 0, 800, …, 4800: seven shifts per 5 s window
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 2, 3])).toBe(2.5);
  expect(median([1, NaN, 3])).toBe(2);
});

for (const url of URLS) {
  test(`bench-load's probe on ${url}: the app's element, an enabled control, a target that changes`, async ({ page }) => {
    const probe = plan(url);
    await page.goto(`./${url}`);
    await expect(page.locator(probe.ready).first()).toBeVisible();
    const target = page.locator(probe.target);
    await expect(target).toHaveCount(1);
    const control = page.locator(probe.controls.map((s) => `${s}:not([disabled])`).join(", ")).first();
    await expect(control).toBeEnabled();
    // Leave time for the locks of an embed (applied after the first paint), then move the
    // control as the benchmark does and see the target change.
    await page.waitForTimeout(300);
    const before = await target.innerHTML();
    await control.evaluate(act);
    await expect.poll(() => target.innerHTML()).not.toBe(before);
  });
}

base("bench-load runs: one unthrottled load gives every figure, in order", async () => {
  base.setTimeout(120_000);
  const json = join(mkdtempSync(join(tmpdir(), "skyscale-bench-")), "out.json");
  execFileSync("node", ["tools/bench-load.mjs", DIST, "--no-throttle", "--loads", "1", "--url", "?view=scaling&peak=2000&pat=flash", "--json", json], {
    encoding: "utf8",
    timeout: 110_000,
  });
  const [row] = JSON.parse(readFileSync(json, "utf8")).rows;
  const [s] = row.samples;
  expect(s.problem).toBeNull();
  expect(s.tries).toBe(1);
  expect(s.readyBy).not.toBe("never");
  for (const k of ["fcp", "lcp", "cls", "tbt", "interactive", "inputToPaint"]) expect(Number.isFinite(s[k]), k).toBe(true);
  expect(s.fcp).toBeLessThanOrEqual(s.lcp);
  expect(s.ready).toBeLessThan(s.interactive);
  expect(s.bytesBeforePaint).toBeLessThanOrEqual(s.bytesUntilInteractive);
  expect(s.bytesUntilInteractive).toBeLessThanOrEqual(s.bytesAll);
  // Served compressed: the wasm came as brotli, and fewer bytes than the file.
  const wasm = s.requests.find((r) => r.url.endsWith(".wasm"));
  expect(wasm.encoding).toBe("br");
  const file = readdirSync(DIST).find((f) => f.endsWith(".wasm"));
  expect(wasm.bytes).toBeLessThan(readFileSync(join(DIST, file)).length / 2);
  expect(["app", "page ✓"]).toContain(s.firstPaint);
});
