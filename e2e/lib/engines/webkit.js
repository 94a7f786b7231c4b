// WebKit: Debian's WebKitGTK MiniBrowser, driven by its WebKitWebDriver over
// classic WebDriver (it answers no WebDriver BiDi). MiniBrowser has no
// headless mode: run under xvfb-run.
//
// Each page is a browser of its own (a WebKitWebDriver, a MiniBrowser and a
// small HTTP proxy, all started for it and stopped with it), because what the
// other engines set per page is fixed per MiniBrowser process here: the pixel
// ratio (GDK_SCALE), the colour scheme (--dark-mode), where downloads go
// (its HOME). Starting one takes about two seconds.
//
// Classic WebDriver reports neither console messages nor requests, so the
// page's traffic goes through the proxy (MiniBrowser's --proxy): it records
// every request to an origin the page was not opened with and answers it
// 502, passes the others to the test servers, records a failed load (status
// >= 400) as an error the way Chromium's console does, and adds one first
// script to each HTML page, /__losslab-probe.js, that reports console.error
// calls, uncaught exceptions, unhandled rejections and CSP violations back to
// the proxy.
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, KEYS } from "../webdriver.js";
import { BasePage, Unsupported, clampToViewport, sleep } from "./common.js";
import { waitForFile } from "./puppeteer.js";
import { decode, encode } from "../png.js";

const MINIBROWSER = [
  process.env.MINIBROWSER,
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
].filter(Boolean);
const DRIVER = process.env.WEBKITWEBDRIVER ?? "WebKitWebDriver";

const PROBE_PATH = "/__losslab-probe.js";
const REPORT_PATH = "/__losslab-probe/report";
const PROBE = `(() => {
  const report = (text) => { try { navigator.sendBeacon(${JSON.stringify(REPORT_PATH)}, String(text)); } catch (_) {} };
  const show = (a) => a instanceof Error ? String(a) : typeof a === "string" ? a : (() => { try { return JSON.stringify(a); } catch (_) { return String(a); } })();
  const error = console.error;
  // Reported a moment later, like a failed load below: what a page says as
  // its own navigation tears it down (a download cut short) is gone with it
  // in Chromium's console, and so it is here.
  console.error = function (...args) { const text = args.map(show).join(" "); setTimeout(() => report(text), 50); return error.apply(this, args); };
  addEventListener("error", (e) => {
    if (e instanceof ErrorEvent) report("Uncaught " + show(e.error ?? e.message));
    // A load the page's own navigation cut short (a preload of a page that
    // goes elsewhere at once) is no error in Chromium's console: reported a
    // moment later, it is not reported at all when the page is gone by then.
    else if (e.target && e.target !== window) {
      const what = "Failed to load " + (e.target.src || e.target.href || e.target.tagName);
      setTimeout(() => report(what), 50);
    }
  }, true);
  addEventListener("unhandledrejection", (e) => report("Uncaught (in promise) " + show(e.reason)));
  addEventListener("securitypolicyviolation", (e) => report("Refused " + e.blockedURI + " (" + e.violatedDirective + ")"));
})();
`;

// MiniBrowser's toolbar keeps its window at least 447 pixels wide; with its
// widgets shrunk to nothing (a user style sheet for GTK) a 320-pixel-wide
// viewport fits, and the toolbar takes 20 pixels of height.
const GTK_CSS = "* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n";

export async function launchWebKit() {
  if (!process.env.DISPLAY) throw new Error("WebKit's MiniBrowser needs a display: run the tests under xvfb-run -a");
  const binary = MINIBROWSER.find((p) => existsSync(p));
  if (!binary) throw new Error("MiniBrowser not found (Debian's libwebkit2gtk-4.1-0); run scripts/setup");
  const root = await mkdtemp(join(tmpdir(), "losslab-webkit-"));
  await mkdir(join(root, "config/gtk-3.0"), { recursive: true });
  await writeFile(join(root, "config/gtk-3.0/gtk.css"), GTK_CSS);
  return new WebKitBrowser(binary, root);
}

class WebKitBrowser {
  constructor(binary, root) {
    this.name = "webkit";
    this.binary = binary;
    this.root = root;
    this.pages = new Set();
    this.count = 0;
    this.supports = {
      dprChange: false, // GDK_SCALE is read once, when MiniBrowser starts
      noScript: true, // MiniBrowser's --enable-javascript=false
      touch: false, // WebKitWebDriver takes touch pointer actions but fires mouse events
      touchScroll: false,
      coarsePointer: false,
      offline: false,
      clipboard: true,
      downloads: true,
      iframes: true,
      // Each page's proxy answers every origin but those the page is opened
      // with (`origins`) with 502, to catch requests it should not make.
      crossOrigin: true,
    };
  }

  async open(url, { width, height, dpr, colorScheme, javascript = true, origins = [] }) {
    if (!Number.isInteger(dpr)) throw new Unsupported(`WebKitGTK takes whole pixel ratios only (GDK_SCALE), not ${dpr}`);
    const origin = new URL(url).origin;
    const log = { errors: [], foreign: [], cancelled: [] };
    const home = join(this.root, `page-${++this.count}`);
    await mkdir(home, { recursive: true });
    const proxy = await startProxy([origin, ...origins], log);
    const page = new WebKitPage(this, { proxy, home, origin });
    this.pages.add(page);
    try {
      // A MiniBrowser that does not come up (rare, on a loaded machine) is
      // given up after 30 s, and a new driver and browser started.
      for (let attempt = 1; ; attempt++) {
        try {
          await page.start({ dpr, colorScheme, javascript, root: this.root, binary: this.binary });
          break;
        } catch (error) {
          await page.stopDriver();
          if (attempt >= 3) throw error;
        }
      }
      await page.setViewport({ width, height });
      await page.goto(url);
    } catch (error) {
      await page.close();
      throw error;
    }
    return { page, log };
  }

  async close() {
    for (const page of [...this.pages]) await page.close();
    // MiniBrowser's helper processes may still be writing their caches.
    await rm(this.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
  }
}

class WebKitPage extends BasePage {
  constructor(owner, { proxy, home, origin }) {
    super();
    this.owner = owner;
    this.driver = null;
    this.proxy = proxy;
    this.home = home;
    this.origin = origin;
    this.session = null;
    this.size = null;
    this.chrome = null; // the window's size less the viewport's
    this.pointer = [0, 0];
    this.mouse = {
      move: async (x, y, { steps = 1 } = {}) => {
        const [x0, y0] = this.pointer;
        const moves = [];
        for (let i = 1; i <= steps; i++) {
          const [px, py] = clampToViewport(x0 + ((x - x0) * i) / steps, y0 + ((y - y0) * i) / steps, this.size);
          moves.push({ type: "pointerMove", duration: 0, origin: "viewport", x: px, y: py });
        }
        this.pointer = [x, y];
        await this.#pointer(moves);
      },
      down: () => this.#pointer([{ type: "pointerDown", button: 0 }]),
      up: () => this.#pointer([{ type: "pointerUp", button: 0 }]),
      click: async (x, y, { modifiers = [] } = {}) => {
        const [px, py] = clampToViewport(x, y, this.size);
        this.pointer = [x, y];
        const pointer = [
          { type: "pointerMove", duration: 0, origin: "viewport", x: px, y: py },
          { type: "pointerDown", button: 0 },
          { type: "pointerUp", button: 0 },
        ];
        if (!modifiers.length) return this.#pointer(pointer);
        // Modifiers held down first, released last: the ticks run side by side.
        const keys = modifiers.map((m) => ({ type: "keyDown", value: KEYS[m] }));
        const pauses = (n) => Array.from({ length: n }, () => ({ type: "pause", duration: 0 }));
        await this.session.actions([
          { type: "key", id: "keyboard", actions: [...keys, ...pauses(pointer.length), ...modifiers.map((m) => ({ type: "keyUp", value: KEYS[m] }))] },
          { type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [...pauses(keys.length), ...pointer] },
        ]);
      },
    };
  }

  /// A WebKitWebDriver of its own, and a MiniBrowser session on it.
  async start({ dpr, colorScheme, javascript, root, binary }) {
    const port = await freePort();
    // A process group of its own: stopping it stops the browser it started.
    this.driver = spawn(DRIVER, [`--port=${port}`], {
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        GDK_SCALE: String(dpr),
        HOME: this.home, // downloads land here
        XDG_CONFIG_HOME: join(root, "config"),
        XDG_CACHE_HOME: join(root, "cache"),
        // WebKitGTK 2.50's JavaScriptCore can enter a wasm loop's compiled
        // code midway with its floating-point registers wrong (fixed in
        // WebKit 302112@main): rarely, the plane's shading loop then reads a
        // class index it cannot hold (README, "Faults of WebKitGTK's
        // WebAssembly engine"). Without that entry a long loop finishes in
        // the interpreter, compiled from its function's next call.
        JSC_useWasmOSR: "false",
      },
    });
    let stderr = "";
    this.driver.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base, this.driver, () => stderr);
    this.session = await Session.create(base, {
      "webkitgtk:browserOptions": {
        binary,
        args: [
          "--automation",
          "--javascript-can-access-clipboard=true",
          `--proxy=http://127.0.0.1:${this.proxy.address().port}`,
          ...(colorScheme === "dark" ? ["--dark-mode"] : []),
          // The page's scripts off; WebDriver's own still run.
          ...(javascript ? [] : ["--enable-javascript=false"]),
        ],
      },
      timeouts: { script: 30000, pageLoad: 60000, implicit: 0 },
    });
  }

  async stopDriver() {
    if (this.session) await this.session.delete().catch(() => {});
    this.session = null;
    if (this.driver && this.driver.exitCode === null && this.driver.signalCode === null) {
      const exited = new Promise((r) => this.driver.once("exit", r));
      try {
        process.kill(-this.driver.pid, "SIGTERM");
      } catch {
        this.driver.kill();
      }
      await exited;
    }
  }

  #pointer(actions) {
    return this.session.actions([{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }]);
  }

  async goto(url) {
    await this.session.send("POST", "/url", { url });
  }

  url() {
    return this.session.send("GET", "/url");
  }

  evaluate(fn, arg) {
    return this.session.evaluate(fn, arg);
  }

  async waitFor(fn, arg, { timeout = 30000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      let last;
      try {
        if (await this.session.evaluate(fn, arg)) return;
      } catch (error) {
        last = error; // a navigation under way: try again
      }
      if (Date.now() > deadline) throw new Error(`waitFor: timed out after ${timeout} ms${last ? `: ${last.message}` : ""}`);
      await sleep(50);
    }
  }

  /// The window is sized so that the viewport has the size asked for.
  async setViewport({ width, height, dpr }) {
    if (dpr !== undefined && dpr !== (await this.evaluate(() => devicePixelRatio))) {
      throw new Unsupported("WebKitGTK cannot change the pixel ratio of an open page");
    }
    const size = { width: width ?? this.size.width, height: height ?? this.size.height };
    // The toolbar's share of the window, measured once; a measure taken while
    // a document was being replaced can be off, and is taken again.
    const sane = (c) => c && [c.width, c.height].every((v) => Number.isFinite(v) && v >= 0 && v < 1000);
    for (let attempt = 0; attempt < 4; attempt++) {
      const chrome = sane(this.chrome) ? this.chrome : { width: 0, height: 0 };
      await this.session.send("POST", "/window/rect", { width: Math.round(size.width + chrome.width), height: Math.round(size.height + chrome.height) });
      // Measured once the page has laid itself out at the new size.
      const inner = await this.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r({ width: innerWidth, height: innerHeight })))));
      if (inner?.width === size.width && inner?.height === size.height) break;
      const rect = await this.session.send("GET", "/window/rect");
      const measured = { width: rect.width - inner?.width, height: rect.height - inner?.height };
      if (sane(measured)) this.chrome = measured;
      else if (process.env.LOSSLAB_DEBUG) console.error("webkit: odd window measure", { size, rect, inner });
    }
    this.size = size;
  }

  async viewport() {
    return { ...this.size, dpr: await this.evaluate(() => devicePixelRatio) };
  }

  async #element(selector, nth = 0) {
    const all = await this.session.elements(selector);
    if (!all[nth]) throw new Error(`no element ${selector} [${nth}]`);
    return all[nth];
  }

  async click(selector, { nth = 0 } = {}) {
    await this.session.send("POST", `/element/${await this.#element(selector, nth)}/click`, {});
  }

  async focus(selector) {
    await this.evaluate((s) => document.querySelector(s).focus(), selector);
  }

  async type(selector, text) {
    await this.session.send("POST", `/element/${await this.#element(selector)}/value`, { text });
  }

  async press(keys) {
    const parts = keys.split("+").map((k) => KEYS[k] ?? k);
    const key = parts.pop();
    await this.session.actions([{
      type: "key", id: "keyboard",
      actions: [
        ...parts.map((value) => ({ type: "keyDown", value })),
        { type: "keyDown", value: key }, { type: "keyUp", value: key },
        ...parts.reverse().map((value) => ({ type: "keyUp", value })),
      ],
    }]);
  }

  /// WebDriver shoots the viewport only, and WebKitGTK returns a blank
  /// picture past about 16 000 device pixels of height: a full-page
  /// screenshot is made of viewport shots at most 8 000 device pixels tall,
  /// scrolled down the page and stacked.
  async screenshot(path, { fullPage = false } = {}) {
    const shot = async () => Buffer.from(await this.session.send("GET", "/screenshot"), "base64");
    const frames = () => this.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const documentHeight = () => this.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    if (!fullPage || (await documentHeight()) <= this.size.height) {
      await writeFile(path, await shot());
      return;
    }
    const restore = this.size;
    const { dpr, scrolled } = await this.evaluate(() => ({ dpr: devicePixelRatio, scrolled: scrollY }));
    const tile = Math.floor(8000 / dpr);
    if (restore.height > tile) {
      await this.setViewport({ width: restore.width, height: tile });
      await frames();
    }
    const height = await documentHeight();
    const step = this.size.height;
    let picture = null;
    for (let y = 0; y < height; y += step) {
      const top = await this.evaluate((y) => (scrollTo(0, y), scrollY), y);
      await frames();
      const part = decode(await shot());
      const from = Math.round((y - top) * dpr);
      const to = Math.min(part.height, Math.round((height - top) * dpr));
      picture ??= { width: part.width, channels: part.channels, rows: [] };
      picture.rows.push(...part.rows.slice(from, to));
    }
    await writeFile(path, encode(picture));
    await this.evaluate((y) => scrollTo(0, y), scrolled);
    if (this.size !== restore) await this.setViewport(restore);
    await frames();
  }

  /// WebKit's own Back (WebDriver's, like its back button) skips the history
  /// entries a page added without a user gesture, and a script's change of a
  /// control has none: the page's history is stepped through instead.
  back() {
    return this.#traverse(-1);
  }

  forward() {
    return this.#traverse(1);
  }

  /// A script waiting across the step would hang until the script timeout
  /// when the step leaves the document, so the step is started from a timer
  /// and watched from here: done at the page's popstate, or once another
  /// document has loaded; a step with nowhere to go ends after two seconds.
  async #traverse(delta) {
    await this.evaluate((delta) => {
      window.__losslabStepped = false;
      addEventListener("popstate", () => (window.__losslabStepped = true), { once: true });
      setTimeout(() => history.go(delta), 0);
    }, delta);
    await this.waitFor(() => window.__losslabStepped !== false && document.readyState === "complete", null, { timeout: 2000 })
      .catch(() => {});
    await this.waitFor(() => document.readyState === "complete", null, { timeout: 20000 });
  }

  async grantClipboard() {
    // MiniBrowser starts with --javascript-can-access-clipboard=true.
  }

  clipboardText() {
    return this.evaluate(() => navigator.clipboard.readText());
  }

  /// MiniBrowser saves a download into its HOME, a folder of this page's own.
  async download(selector) {
    const before = new Set(await readdir(this.home));
    await this.click(selector);
    return waitForFile(this.home, before);
  }

  async setOffline() {
    throw new Unsupported("WebKitWebDriver has no offline mode");
  }

  async tap() {
    throw new Unsupported("WebKitWebDriver turns touch input into mouse events");
  }

  async touchDown() {
    throw new Unsupported("WebKitWebDriver turns touch input into mouse events");
  }

  async frameEvaluate(frameSelector, fn, arg) {
    await this.session.send("POST", "/frame", { id: { "element-6066-11e4-a52e-4f735466cecf": await this.#element(frameSelector) } });
    try {
      return await this.evaluate(fn, arg);
    } finally {
      await this.session.send("POST", "/frame/parent", {});
    }
  }

  async close() {
    if (!this.owner.pages.delete(this)) return;
    await this.stopDriver();
    this.proxy.closeAllConnections?.();
    await new Promise((r) => this.proxy.close(r));
    await rm(this.home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
  }
}

/// The proxy in front of one page (see the top of this file): it forwards
/// requests to `origins` (the page's own first) and answers any other with 502.
async function startProxy(origins, log) {
  const server = createServer((req, res) => {
    let target;
    try {
      target = new URL(req.url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!origins.includes(target.origin)) {
      log.foreign.push(req.url);
      res.writeHead(502).end();
      return;
    }
    if (target.pathname === PROBE_PATH) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }).end(PROBE);
      return;
    }
    if (target.pathname === REPORT_PATH) {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        log.errors.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: target.pathname + target.search, headers: req.headers }, (answer) => {
      if (answer.statusCode >= 400) log.errors.push(`Failed to load resource: the server responded with a status of ${answer.statusCode} (${req.url})`);
      const headers = { ...answer.headers };
      if (!String(headers["content-type"]).startsWith("text/html")) {
        res.writeHead(answer.statusCode, headers);
        answer.pipe(res);
        return;
      }
      const chunks = [];
      answer.on("data", (c) => chunks.push(c));
      answer.on("end", () => {
        const html = Buffer.concat(chunks).toString("utf8");
        const tag = `<script src="${PROBE_PATH}"></script>`;
        const at = html.search(/<head[^>]*>/i);
        const body = at < 0 ? tag + html : html.replace(/<head[^>]*>/i, (h) => h + tag);
        delete headers["content-length"];
        res.writeHead(answer.statusCode, headers).end(body);
      });
    });
    upstream.on("error", (error) => {
      // The browser's own check for a newer service worker script (sent with
      // `Service-Worker: script`) finds no host when the network is gone:
      // Chromium and Firefox write no console error for that, nor does this.
      if (req.headers["service-worker"] !== "script") log.errors.push(`proxy: ${error.message} (${req.url})`);
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  // https: a tunnel to another origin (the page itself is plain http).
  server.on("connect", (req, socket) => {
    log.foreign.push(`https://${req.url}/`);
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return server;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForDriver(base, driver, stderr) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${stderr()}`);
    try {
      if ((await fetch(`${base}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`WebKitWebDriver did not start: ${stderr()}`);
}
