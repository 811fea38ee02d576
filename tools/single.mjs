// Builds one self-contained HTML file from a finished dist/ (after tools/postbuild.mjs): the
// stylesheets, the wasm-bindgen glue and the loader are inlined, the wasm is base64 in a
// non-executable data block (and so is embed.js, for the Embed dialog's snippet), the favicon
// is a data: URL. A lecturer can attach the one file to an LMS or open it from a USB stick;
// it makes no request at all.
//
// The strict CSP stays strict: no 'unsafe-inline'. The inline script and styles are allowed by
// their sha256 hashes, computed here; 'wasm-unsafe-eval' still allows compiling the wasm.
//
//   node tools/single.mjs [dist] [dist-single/skyscale.html]
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "dist-single/skyscale.html";
let html = readFileSync(join(dist, "index.html"), "utf8");
const read = (href) => readFileSync(join(dist, href.replace(/^\.\//, "")));
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// Stylesheets -> <style> (keeping media="print").
const styleHashes = [];
html = html.replace(/<link rel="stylesheet" href="([^"]+)"[^>]*?(?: media="([^"]+)")?[^>]*\/?>/g, (_, href, media) => {
  const css = read(href).toString("utf8");
  styleHashes.push(sha256(css));
  return `<style${media ? ` media="${media}"` : ""}>${css}</style>`;
});

// The loader and the glue it imports -> one inline module script.
const loaderTag = html.match(/<script type="module" src="([^"]+)"[^>]*><\/script>/);
if (!loaderTag) throw new Error("single: no loader script in index.html (run tools/postbuild.mjs first)");
const loader = read(loaderTag[1]).toString("utf8");
const glueName = loader.match(/from '\.\/([^']+\.js)'/)?.[1];
const wasmName = loader.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!glueName || !wasmName) throw new Error("single: the loader does not name the glue and the wasm");
let glue = read(glueName).toString("utf8");
// The glue is an ES module: drop its exports so it can sit inside the one inline script.
glue = glue
  .replace(/^export \{[^}]*\};?\s*$/m, "")
  .replace(/^export (class|function|const|let|async function) /gm, "$1 ");
if (/^export /m.test(glue)) throw new Error("single: the glue has an export this script does not know");
const wasm = read(wasmName).toString("base64");
const script = `${glue}
const b64 = document.getElementById("skyscale-wasm").textContent.trim();
const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
html = html.replace(loaderTag[0], () => `<script type="module">${script}</script>`);
// Preloads point at files that no longer exist.
html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
// The favicon as a data: URL.
html = html.replace(/<link rel="icon" href="([^"]+)"([^>]*)>/, (_, href, rest) => {
  const svg = read(href).toString("base64");
  return `<link rel="icon" href="data:image/svg+xml;base64,${svg}"${rest}>`;
});
// The wasm as a data block: a non-JavaScript type is never executed, so it needs no hash.
html = html.replace(
  "</body>",
  () => `<script type="application/octet-stream" id="skyscale-wasm">${wasm}</script>\n</body>`,
);
// embed.js as a data block too: no file sits beside this one for an embed snippet to load, so
// the Embed dialog puts this text inline in its snippet.
const embedJs = read("embed.js").toString("utf8");
if (/<\/script|<!--/i.test(embedJs)) throw new Error("single: embed.js must not contain </script or <!--");
html = html.replace(
  "</body>",
  () => `<script type="text/plain" id="skyscale-embed-js">${embedJs}</script>\n</body>`,
);

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${styleHashes.join(" ")}`,
  "img-src data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
html = html.replace(
  /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
);
if (!html.includes(csp)) throw new Error("single: no CSP meta to replace");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single: ${out} (${(html.length / 1024).toFixed(0)} KB, no external request)`);
