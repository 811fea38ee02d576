// A small static file server for dist/: `make run` uses it at "/", the end-to-end tests mount
// the same folder under a sub-path (as a course page would) to prove relative URLs work.
//
//   node tests/serve.mjs [--dir dist] [--port 8080] [--base /courses/cloud/skyscale/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

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

export function startServer({ dir = "dist", port = 8080, host = "127.0.0.1", base = "/" } = {}) {
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
      const body = await readFile(target);
      res.writeHead(200, {
        "Content-Type": MIME[extname(target)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
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
  const server = await startServer({ dir: arg("dir", "dist"), port, base });
  const { port: bound } = server.address();
  console.log(`Skyscale is being served at http://127.0.0.1:${bound}${base}  (Ctrl+C stops)`);
}
