// A small static file server for dist/: `make run` uses it at "/", the end-to-end tests mount
// the same folder under a sub-path (as a course page would) to prove relative URLs work.
//
//   node tests/serve.mjs [--dir dist] [--port 8080] [--base /courses/cloud/skyscale/] [--compress]
//
// `--compress` serves what a real host sends (`make bench-load` measures with it): `file.br`
// when the request accepts `br` and that file exists, else `file.gz` when it accepts gzip and
// that file exists (tools/postbuild.mjs writes both beside each asset, as nginx's
// `gzip_static`/`brotli_static` or Caddy's `precompressed` would serve them), else gzip on the
// fly (zlib level 6, a host's usual default) for text types and wasm; always with
// `Content-Encoding` and `Vary: Accept-Encoding`. Off by default, so the end-to-end tests see
// the plain files they always saw. `startServer({ compress: "gzip" })` never sends brotli.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Types worth compressing (images such as PNG are compressed already). */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".txt", ".ico"]);

/**
 * The codings a request accepts, from its `Accept-Encoding` header: a coding counts when its
 * q-value is above zero, either named or through `*`.
 */
export function accepted(header = "") {
  const q = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q.set(name, qParam ? Number(qParam.slice(2)) : 1);
  }
  const ok = (coding) => (q.has(coding) ? q.get(coding) > 0 : (q.get("*") ?? 0) > 0);
  return { br: ok("br"), gzip: ok("gzip") };
}

async function readIfFile(path) {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

export function startServer({ dir = "dist", port = 8080, host = "127.0.0.1", base = "/", compress = false } = {}) {
  const root = resolve(dir);
  const prefix = base.endsWith("/") ? base : base + "/";
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (path + "/" === prefix) {
      res.writeHead(301, { Location: prefix + url.search });
      return res.end();
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not found");
    }
    path = path.slice(prefix.length) || "index.html";
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, "index.html") : file;
      let body = await readFile(target);
      const headers = {
        "Content-Type": MIME[extname(target)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      };
      if (compress && COMPRESSIBLE.has(extname(target))) {
        headers.Vary = "Accept-Encoding";
        const accepts = accepted(req.headers["accept-encoding"]);
        const br = accepts.br && compress !== "gzip" ? await readIfFile(`${target}.br`) : null;
        const gz = !br && accepts.gzip ? await readIfFile(`${target}.gz`) : null;
        if (br) [body, headers["Content-Encoding"]] = [br, "br"];
        else if (gz) [body, headers["Content-Encoding"]] = [gz, "gzip"];
        else if (accepts.gzip) [body, headers["Content-Encoding"]] = [gzipSync(body, { level: 6 }), "gzip"];
      }
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg("port", process.env.PORT ?? 8080));
  const base = arg("base", "/");
  const compress = process.argv.includes("--compress");
  const server = await startServer({ dir: arg("dir", "dist"), port, base, compress });
  const { port: bound } = server.address();
  const how = compress ? " with compression (br/gzip)" : "";
  console.log(`Skyscale is being served at http://127.0.0.1:${bound}${base}${how}  (Ctrl+C stops)`);
}
