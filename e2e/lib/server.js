// Serves dist/ from a sub-folder (/course/losslab/) with the strict
// Content-Security-Policy an embedding course page would use, on 127.0.0.1.
// With `gzip`, as a static host serves it: compressed when the browser asks,
// and cacheable (the benchmarks); without, uncompressed and never cached
// (the tests, which must see every build as it is). `refuse` (a RegExp of
// paths, or anything with such a `test`) answers those files 404, as a host
// missing them would; `csp` replaces the Content-Security-Policy. `hold` (a
// RegExp of paths) keeps those files back until `release()` is called: a
// module that arrives late.
// `folders` serves more folders beside it, each under a prefix of its own and
// with a policy of its own (`null` for none): the course's own pages.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

export const BASE = "/course/losslab/";
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
};

export async function serve(dist, { gzip = false, refuse = null, hold = null, csp = CSP, folders = {} } = {}) {
  const served = { [BASE]: { dir: dist, csp }, ...folders };
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const prefix = Object.keys(served).find((p) => path.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end();
      return;
    }
    const { dir, csp } = served[prefix];
    // A folder's page is its index.html, as static hosts serve it.
    const rel = normalize(path.slice(prefix.length).replace(/(^|\/)$/, "$1index.html"));
    if (refuse?.test(rel)) {
      res.writeHead(404).end();
      return;
    }
    if (hold?.test(rel)) await held;
    if (rel.startsWith("..")) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(join(dir, rel));
      const headers = {
        "content-type": TYPES[extname(rel)] ?? "application/octet-stream",
        ...(csp ? { "content-security-policy": csp } : {}),
        "cache-control": gzip ? "max-age=3600" : "no-store",
      };
      if (gzip) {
        headers.vary = "accept-encoding";
        if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
          body = gzipSync(body, { level: 9 });
          headers["content-encoding"] = "gzip";
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { server, release, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}${BASE}` };
}
