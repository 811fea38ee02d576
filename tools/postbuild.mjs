// Post-processes Trunk's dist/index.html so the page runs under a strict Content-Security-Policy:
//  - Trunk 0.21 writes its wasm loader as an inline <script type="module">; move it to an
//    external file (with a sub-resource integrity hash) so `script-src 'self'` needs no hash;
//  - drop the `integrity` attribute from the wasm `<link rel="preload" as="fetch">`: Chromium
//    ignores SRI on fetch preloads and logs a console warning for it;
//  - add the CSP <meta> (hosts should also send it, with frame-ancestors, as a header).
//
//   node tools/postbuild.mjs [dist]
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

const dist = process.argv[2] ?? "dist";
const htmlPath = join(dist, "index.html");
let html = readFileSync(htmlPath, "utf8");

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const body = match[1].trim() + "\n";
  const hash = createHash("sha384").update(body).digest("base64");
  const name = `loader-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dist, name), body);
  html = html.replace(
    inline,
    `<script type="module" src="./${name}" integrity="sha384-${hash}" crossorigin="anonymous"></script>`,
  );
} else if (!/<script type="module" src="\.\/loader-/.test(html)) {
  throw new Error("postbuild: no Trunk loader found in index.html");
}

html = html.replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*as="fetch")/g, "$1$2");

if (!html.includes("Content-Security-Policy")) {
  html = html.replace(
    '<meta charset="utf-8">',
    `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`,
  );
}
writeFileSync(htmlPath, html);
console.log(`postbuild: ${htmlPath} now loads an external loader under a strict CSP`);
