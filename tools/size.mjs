// `make size`: the bytes a student's phone downloads, compressed, against the 200 KB budget.
//
// Builds nothing: it reads dist/index.html and follows every asset the page loads — the page
// itself, <script src>, <link href> (stylesheets, icons, module and wasm preloads), <img src>,
// the JS files the loader and the wasm-bindgen glue import, url(...) in CSS (fonts, images) —
// compresses each one as a host would serve it (gzip at zlib level 9, what `gzip_static`
// serves, and brotli at quality 11, what `brotli_static` serves; tools/postbuild.mjs writes
// both beside each file) and prints a table and three figures, each in gzip and brotli:
//
//  - before first paint: what the browser must have before it can paint anything — the page
//    and its render-blocking stylesheets and scripts; and, when the page's <body> has nothing
//    to paint until the app runs (no prerendered content), the app too.
//  - until interactive (default view): the page, the blocking files, and the app the page
//    starts — module scripts and what they import statically, the wasm they instantiate, and
//    every module/fetch preload. What loads later (print stylesheet, icons, dynamic import()
//    chunks) is left out.
//  - all: everything above plus what loads later. The budget (and `make test`'s ceiling) is on
//    this figure, in gzip, as it always was.
//
// This is a reading of the files, not a measurement: `make bench-load` measures the bytes on
// the wire per URL in Chromium, split at the first paint.
//
// Exits 1 when the total is over budget, 2 when a referenced file is missing.
//
//   node tools/size.mjs [dist] [--budget-kb 200] [--json]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const json = args.includes("--json") && args.splice(args.indexOf("--json"), 1).length > 0;
const budgetKb = Number(flag("budget-kb", 200));
const dist = args[0] ?? "dist";
const KB = 1024;

/**
 * When a file is needed, earliest first: `paint` (render-blocking: the first paint waits for
 * it), `app` (the app the page starts: needed before it is interactive), `later`.
 */
const STAGES = ["paint", "app", "later"];
const earlier = (a, b) => (STAGES.indexOf(a) <= STAGES.indexOf(b) ? a : b);

/**
 * Local references in a file, resolved against the file's own folder, each with the stage it
 * is needed at (`stage` is the referring file's own); remote URLs are skipped.
 */
function references(file, text, stage) {
  const found = [];
  const add = (ref, at, optional = false) => {
    if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) return; // data:, https:, //host, #frag
    const clean = ref.split(/[?#]/)[0];
    const path = normalize(join(dirname(file), decodeURIComponent(clean)));
    if (clean && (!optional || existsSync(path))) found.push({ path, stage: at });
  };
  const attr = (tag, name) => new RegExp(`\\s${name}(?:="([^"]*)"|(?=[\\s>/]))`, "i").exec(tag);
  if (file.endsWith(".html")) {
    for (const m of text.matchAll(/<script\b[^>]*?\ssrc="([^"]*)"[^>]*>/gi)) {
      // A classic script without async/defer blocks the parser, and so the first paint.
      const deferred = /\stype="module"/i.test(m[0]) || attr(m[0], "async") || attr(m[0], "defer");
      add(m[1], deferred ? "app" : "paint");
    }
    for (const m of text.matchAll(/<(?:img|source|audio|video)\b[^>]*?\ssrc="([^"]*)"/gi)) add(m[1], "later");
    for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
      const rel = attr(m[0], "rel")?.[1] ?? "";
      const href = attr(m[0], "href")?.[1];
      // Only what the browser fetches on load (not rel=alternate, canonical, …).
      if (/\bstylesheet\b/i.test(rel)) {
        const media = attr(m[0], "media")?.[1]?.trim().toLowerCase() ?? "all";
        // A stylesheet blocks rendering unless its media cannot match a screen.
        add(href, /^print$/.test(media) ? "later" : "paint");
      } else if (/\b(?:preload|modulepreload)\b/i.test(rel)) add(href, "app");
      else if (/\b(?:icon|manifest)\b/i.test(rel)) add(href, "later");
    }
    // An inline module (Trunk's loader before tools/postbuild.mjs moves it out) loads files too.
    for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (!/\ssrc=/i.test(m[1])) found.push(...references(`${file}.js`, m[2], /type="module"/i.test(m[1]) ? "app" : "paint"));
    }
  } else if (file.endsWith(".js") || file.endsWith(".mjs")) {
    for (const m of text.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g)) add(m[1], stage);
    for (const m of text.matchAll(/\bimport\s*["']([^"']+)["']/g)) add(m[1], stage);
    // A dynamic import() is a chunk loaded when the code asks for it, not with the page.
    for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) add(m[1], "later");
    // Trunk's loader hands the hashed wasm to the glue: `init({ module_or_path: './x_bg.wasm' })`.
    for (const m of text.matchAll(/module_or_path\s*:\s*["']([^"']+)["']/g)) add(m[1], stage);
    // The glue's own fallback, `new URL('x_bg.wasm', import.meta.url)`, is fetched only when no
    // path is given; Trunk always gives one (and renames the file), so it is counted only if
    // such a file exists.
    for (const m of text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) add(m[1], stage, true);
  } else if (file.endsWith(".css")) {
    // A font or image a stylesheet names is needed when that stylesheet is.
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) add(m[1], stage);
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(m[1], stage);
  }
  return found;
}

/**
 * Whether the page's <body> paints anything before a script runs: text or an image outside
 * <noscript>, <script>, <template> and <style>. Without it the first paint is the app's.
 */
function paintsBeforeApp(html) {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? "";
  const rest = body
    .replace(/<(noscript|script|template|style)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  return /<(?:img|svg|video|canvas|picture|input|button|select|textarea)\b/i.test(rest) || /\S/.test(rest.replace(/<[^>]*>/g, ""));
}

const entry = join(dist, "index.html");
if (!existsSync(entry)) {
  console.error(`size: ${entry} is missing; run \`make dist\` first`);
  process.exit(2);
}

// Breadth-first over the references; a file reached twice keeps its earliest stage (and its
// references are walked again if that made it earlier).
const stageOf = new Map([[entry, "paint"]]);
const queue = [entry];
const missing = new Set();
const bytesOf = new Map();
while (queue.length) {
  const file = queue.shift();
  if (!existsSync(file)) {
    missing.add(file);
    continue;
  }
  if (!bytesOf.has(file)) bytesOf.set(file, readFileSync(file));
  if (!/\.(?:html|m?js|css)$/.test(file)) continue;
  for (const ref of references(file, bytesOf.get(file).toString("utf8"), stageOf.get(file))) {
    const before = stageOf.get(ref.path);
    const stage = before ? earlier(before, ref.stage) : ref.stage;
    if (stage !== before) {
      stageOf.set(ref.path, stage);
      queue.push(ref.path);
    }
  }
}

// Brotli at quality 11 takes seconds on the wasm: the copy tools/postbuild.mjs wrote is used
// when it decodes to the file exactly (the same settings give the same bytes).
const brotli = (bytes, file) => {
  if (existsSync(`${file}.br`)) {
    const copy = readFileSync(`${file}.br`);
    try {
      if (brotliDecompressSync(copy).equals(bytes)) return copy.length;
    } catch {
      // Not brotli, or damaged: compress it here.
    }
  }
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
};
const rows = [...bytesOf].map(([file, bytes]) => ({
  name: relative(dist, file),
  stage: stageOf.get(file),
  raw: bytes.length,
  gz: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
  br: brotli(bytes, file),
}));
const html = bytesOf.get(entry).toString("utf8");
const early = paintsBeforeApp(html);
const sum = (stages) => {
  const picked = rows.filter((r) => stages.includes(r.stage));
  return {
    raw: picked.reduce((s, r) => s + r.raw, 0),
    gz: picked.reduce((s, r) => s + r.gz, 0),
    br: picked.reduce((s, r) => s + r.br, 0),
  };
};
const figures = {
  firstPaint: sum(early ? ["paint"] : ["paint", "app"]),
  interactive: sum(["paint", "app"]),
  all: sum(STAGES),
};
const total = figures.all.gz;

if (json) {
  console.log(JSON.stringify({ dist, paintsBeforeApp: early, budgetKb, files: rows, figures }, null, 2));
} else {
  const kb = (n) => (n / KB).toFixed(1);
  const stageName = { paint: "first paint", app: "app", later: "later" };
  const width = Math.max(5, ...rows.map((r) => r.name.length));
  const line = (name, stage, raw, gz, br, share) =>
    `${name.padEnd(width)}  ${stage.padEnd(11)}  ${raw.padStart(8)}  ${gz.padStart(8)}  ${br.padStart(9)}  ${share.padStart(5)}`;
  rows.sort((a, b) => b.gz - a.gz);
  console.log(line("asset", "needed for", "raw KB", "gzip KB", "brotli KB", "share"));
  console.log("-".repeat(width + 52));
  for (const r of rows) {
    console.log(line(r.name, stageName[r.stage], kb(r.raw), kb(r.gz), kb(r.br), `${((100 * r.gz) / total).toFixed(0)}%`));
  }
  console.log("-".repeat(width + 52));
  console.log(line("total", "", kb(figures.all.raw), kb(total), kb(figures.all.br), ""));
  console.log("");
  const figure = (label, f, note) =>
    console.log(`${label.padEnd(40)} ${kb(f.gz).padStart(7)} KB gzip  ${kb(f.br).padStart(7)} KB brotli (${(f.br / f.gz).toFixed(2)}×)${note}`);
  figure("bytes before first paint", figures.firstPaint, early ? "" : "  (the page paints nothing until the app runs)");
  figure("bytes until interactive (default view)", figures.interactive, "");
  figure("all bytes", figures.all, "");
  console.log(`budget: ${budgetKb} KB gzip on all bytes (${((100 * total) / (budgetKb * KB)).toFixed(0)}% used)`);
}

if (missing.size) {
  console.error(`size: referenced but missing: ${[...missing].map((f) => relative(dist, f)).join(", ")}`);
  process.exit(2);
}
if (total > budgetKb * KB) {
  console.error(`size: ${(total / KB).toFixed(1)} KB gzip is over the ${budgetKb} KB budget`);
  process.exit(1);
}
