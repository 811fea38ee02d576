// `make size`: the bytes a student's phone downloads, gzipped, against the 200 KB budget.
//
// Builds nothing: it reads dist/index.html and follows every asset the page loads — the page
// itself, <script src>, <link href> (stylesheets, icons, module and wasm preloads), <img src>,
// the JS files the loader and the wasm-bindgen glue import, url(...) in CSS (fonts, images) —
// gzips each one (zlib level 9, what a static host's gzip_static would serve) and prints a
// table and the total. Exits 1 when the total is over budget, 2 when a referenced file is
// missing.
//
//   node tools/size.mjs [dist] [--budget-kb 200]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const budgetKb = Number(flag("budget-kb", 200));
const dist = args[0] ?? "dist";
const KB = 1024;

/** Local references in a file, resolved against the file's own folder; remote URLs are skipped. */
function references(file, text) {
  const found = [];
  const add = (ref, optional = false) => {
    if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) return; // data:, https:, //host, #frag
    const clean = ref.split(/[?#]/)[0];
    const path = normalize(join(dirname(file), decodeURIComponent(clean)));
    if (clean && (!optional || existsSync(path))) found.push(path);
  };
  if (file.endsWith(".html")) {
    for (const m of text.matchAll(/<(?:script|img|source|audio|video)\b[^>]*?\ssrc="([^"]*)"/gi)) add(m[1]);
    for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
      const rel = /\srel="([^"]*)"/i.exec(m[0])?.[1] ?? "";
      // Only what the browser fetches on load (not rel=alternate, canonical, …).
      if (/\b(?:stylesheet|icon|preload|modulepreload|manifest)\b/i.test(rel)) add(/\shref="([^"]*)"/i.exec(m[0])?.[1]);
    }
    // An inline module (Trunk's loader before tools/postbuild.mjs moves it out) loads files too.
    for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) found.push(...references(`${file}.js`, m[1]));
  } else if (file.endsWith(".js") || file.endsWith(".mjs")) {
    for (const m of text.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g)) add(m[1]);
    for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) add(m[1]);
    for (const m of text.matchAll(/\bimport\s*["']([^"']+)["']/g)) add(m[1]);
    // Trunk's loader hands the hashed wasm to the glue: `init({ module_or_path: './x_bg.wasm' })`.
    for (const m of text.matchAll(/module_or_path\s*:\s*["']([^"']+)["']/g)) add(m[1]);
    // The glue's own fallback, `new URL('x_bg.wasm', import.meta.url)`, is fetched only when no
    // path is given; Trunk always gives one (and renames the file), so it is counted only if
    // such a file exists.
    for (const m of text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) add(m[1], true);
  } else if (file.endsWith(".css")) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) add(m[1]);
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(m[1]);
  }
  return found;
}

const entry = join(dist, "index.html");
if (!existsSync(entry)) {
  console.error(`size: ${entry} is missing; run \`make dist\` first`);
  process.exit(2);
}

const seen = new Set();
const queue = [entry];
const rows = [];
const missing = [];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  if (!existsSync(file)) {
    missing.push(file);
    continue;
  }
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  rows.push({ name: relative(dist, file), raw: bytes.length, gz });
  if (/\.(?:html|m?js|css)$/.test(file)) queue.push(...references(file, bytes.toString("utf8")));
}

const total = rows.reduce((sum, r) => sum + r.gz, 0);
const rawTotal = rows.reduce((sum, r) => sum + r.raw, 0);
const kb = (n) => (n / KB).toFixed(1);
const width = Math.max(5, ...rows.map((r) => r.name.length));
const line = (name, raw, gz, share) =>
  `${name.padEnd(width)}  ${raw.padStart(10)}  ${gz.padStart(10)}  ${share.padStart(6)}`;
rows.sort((a, b) => b.gz - a.gz);
console.log(line("asset", "raw KB", "gzip KB", "share"));
console.log("-".repeat(width + 34));
for (const r of rows) console.log(line(r.name, kb(r.raw), kb(r.gz), `${((100 * r.gz) / total).toFixed(0)}%`));
console.log("-".repeat(width + 34));
console.log(line("total", kb(rawTotal), kb(total), ""));
console.log(`budget: ${budgetKb} KB gzip (${((100 * total) / (budgetKb * KB)).toFixed(0)}% used)`);

if (missing.length) {
  console.error(`size: referenced but missing: ${missing.map((f) => relative(dist, f)).join(", ")}`);
  process.exit(2);
}
if (total > budgetKb * KB) {
  console.error(`size: ${kb(total)} KB gzip is over the ${budgetKb} KB budget`);
  process.exit(1);
}
