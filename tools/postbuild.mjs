// Post-processes Trunk's dist/index.html so the page runs under a strict Content-Security-Policy:
//  - Trunk 0.21 writes its wasm loader as an inline <script type="module">; move it to an
//    external file (with a sub-resource integrity hash) so `script-src 'self'` needs no hash;
//  - drop the `integrity` attribute from the wasm `<link rel="preload" as="fetch">`: Chromium
//    ignores SRI on fetch preloads and logs a console warning for it;
//  - add the CSP <meta> (hosts should also send it, with frame-ancestors, as a header);
//  - write precompressed copies beside every text asset and the wasm: `file.br` (brotli,
//    quality 11) and `file.gz` (gzip, level 9), for hosts that serve them as they are
//    (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, see docs/hosting.md) and for
//    `tests/serve.mjs --compress`.
//
//   node tools/postbuild.mjs [dist]
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

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

/** The files worth precompressing: text and wasm (PNG and the like are compressed already). */
const COMPRESSIBLE = /\.(?:html|m?js|css|wasm|svg|json|txt|ico)$/;

/** Every file under `dir`, recursively. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// Stale copies first (a rebuild into an old dist/ must not leave a .br of a file that is gone
// or changed), then fresh ones.
for (const file of files(dist)) if (/\.(?:br|gz)$/.test(file)) rmSync(file);
let raw = 0;
let gz = 0;
let br = 0;
for (const file of files(dist).filter((f) => COMPRESSIBLE.test(f))) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  raw += bytes.length;
  writeFileSync(`${file}.gz`, gzip);
  writeFileSync(`${file}.br`, brotli);
  gz += gzip.length;
  br += brotli.length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`postbuild: precompressed ${dist}/ (every file, not only what the page loads): ${kb(raw)} → gzip ${kb(gz)}, brotli ${kb(br)}`);
