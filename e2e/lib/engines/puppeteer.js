// Chromium (over the DevTools protocol) and Firefox (over WebDriver BiDi),
// both driven by puppeteer-core, which never downloads a browser: it starts
// Debian's chromium and firefox-esr.
import puppeteer from "puppeteer-core";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BasePage, Unsupported, clampToViewport, isForeign, sleep } from "./common.js";

const CHROMIUM = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const FIREFOX = [process.env.FIREFOX, "/usr/bin/firefox-esr", "/usr/bin/firefox"].filter(Boolean);

// Firefox reports a still picture's load through the service worker as an
// error when the page gives it up midway (the window's width or colour
// scheme picks another of the picture's sources, or the figure's canvas
// replaces it), though the image itself reports no error and shows nothing
// broken: such a report goes to `log.cancelled`, not `log.errors`. A still the
// worker fails to serve is caught by the offline test that loads every one.
const CANCELLED_STILL = /^(Error: )?Failed to load ‘[^’]*\/figures\/[^’/]*\.svg’\. A ServiceWorker intercepted the request and encountered an unexpected error\.$/;

const find = (paths, name) => {
  const path = paths.find((p) => existsSync(p));
  if (!path) throw new Error(`${name} not found; run scripts/setup`);
  return path;
};

export async function launchChromium() {
  const browser = await puppeteer.launch({
    executablePath: find(CHROMIUM, "Chromium"),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const cdp = await browser.target().createCDPSession();
  const downloads = await mkdtemp(join(tmpdir(), "losslab-chromium-downloads-"));
  return new PuppeteerBrowser("chromium", { light: browser }, { cdp, downloads });
}

/// Firefox's colour scheme is a preference of the whole browser (WebDriver
/// BiDi has no media emulation), and so is JavaScript (BiDi has no command
/// that turns it off): a dark page, or one with JavaScript off, gets a
/// Firefox of its own, started the first time one is asked for.
export async function launchFirefox() {
  const downloads = await mkdtemp(join(tmpdir(), "losslab-firefox-downloads-"));
  const start = (scheme, javascript = true) =>
    puppeteer.launch({
      browser: "firefox",
      executablePath: find(FIREFOX, "Firefox"),
      headless: true,
      extraPrefsFirefox: {
        // 0 dark, 1 light: what prefers-color-scheme answers.
        "layout.css.prefers-color-scheme.content-override": scheme === "dark" ? 0 : 1,
        // The page's scripts (the harness's own still run, in BiDi's sandbox).
        "javascript.enabled": javascript,
        // navigator.clipboard.readText() without the paste menu.
        "dom.events.testing.asyncClipboard": true,
        // Downloads go straight to a folder the harness watches.
        "browser.download.folderList": 2,
        "browser.download.dir": downloads,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.download.start_downloads_in_tmp_dir": false,
        "browser.helperApps.neverAsk.saveToDisk": "image/png,image/svg+xml,application/octet-stream",
        // Nothing but the page talks to the network.
        "network.captive-portal-service.enabled": false,
        "browser.safebrowsing.update.enabled": false,
        "app.update.enabled": false,
      },
    });
  return new PuppeteerBrowser("firefox", { light: await start("light") }, { start, downloads });
}

class PuppeteerBrowser {
  constructor(name, browsers, { cdp = null, downloads, start = null }) {
    this.name = name;
    this.browsers = browsers;
    this.cdp = cdp;
    this.downloads = downloads;
    this.start = start;
    const chromium = name === "chromium";
    this.supports = {
      dprChange: true,
      touch: true,
      // Firefox takes synthesized touches as taps and drags on the page but
      // does not scroll it by them.
      touchScroll: chromium,
      // Firefox's touch screen leaves the page's media queries at a mouse's
      // (`pointer: fine`, no `any-pointer: coarse`).
      coarsePointer: chromium,
      noScript: true,
      offline: chromium,
      clipboard: true,
      downloads: true,
      iframes: true,
      crossOrigin: true,
    };
  }

  async open(url, { width, height, dpr, colorScheme, touch = false, javascript = true, origins = [] }) {
    let browser = this.browsers.light;
    if (this.start && !javascript) browser = this.browsers[`${colorScheme}-no-script`] ??= await this.start(colorScheme, false);
    else if (this.start && colorScheme === "dark") browser = this.browsers.dark ??= await this.start("dark");
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const log = { errors: [], foreign: [], cancelled: [] };
    const origin = new URL(url).origin;
    const error = (text) => (this.name === "firefox" && CANCELLED_STILL.test(text) ? log.cancelled : log.errors).push(text);
    page.on("console", (msg) => {
      if (msg.type() === "error") error(msg.text());
    });
    page.on("pageerror", (err) => error(String(err)));
    page.on("request", (req) => {
      if (isForeign(req.url(), origin) && !origins.some((o) => req.url().startsWith(o))) log.foreign.push(req.url());
    });
    // A touch screen: touch events, `pointerType` "touch", and the page
    // panned by a finger as a phone pans it.
    await page.setViewport({ width, height, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch });
    if (this.name === "chromium") {
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: colorScheme }]);
      await this.cdp.send("Browser.setDownloadBehavior", {
        behavior: "allowAndName", downloadPath: this.downloads, browserContextId: context.id, eventsEnabled: true,
      });
    }
    // Firefox: a browser of its own (above).
    if (!javascript && this.name === "chromium") await page.setJavaScriptEnabled(false);
    const wrapped = new PuppeteerPage(this, context, page, origin);
    wrapped.size = { width, height };
    await wrapped.goto(url);
    return { page: wrapped, log };
  }

  async close() {
    for (const browser of Object.values(this.browsers)) await browser.close().catch(() => {});
    await rm(this.downloads, { recursive: true, force: true });
  }
}

// Key names as the tests write them (Playwright's), where puppeteer's differ.
const KEY = { Space: " " };

class PuppeteerPage extends BasePage {
  constructor(owner, context, page, origin) {
    super();
    this.owner = owner;
    this.context = context;
    this.page = page;
    this.origin = origin;
    this.size = null;
    this.pointer = [0, 0];
    this.mouse = {
      // The steps of a move are made here, from the last point asked for,
      // each one clamped where the engine needs it.
      move: async (x, y, { steps = 1 } = {}) => {
        const [x0, y0] = this.pointer;
        this.pointer = [x, y];
        for (let i = 1; i <= steps; i++) {
          await this.page.mouse.move(...this.#point(x0 + ((x - x0) * i) / steps, y0 + ((y - y0) * i) / steps));
        }
      },
      down: () => this.page.mouse.down(),
      up: () => this.page.mouse.up(),
      click: async (x, y, { modifiers = [] } = {}) => {
        for (const m of modifiers) await this.page.keyboard.down(m);
        this.pointer = [x, y];
        await this.page.mouse.click(...this.#point(x, y));
        for (const m of [...modifiers].reverse()) await this.page.keyboard.up(m);
      },
    };
  }

  /// Firefox refuses pointer moves outside the viewport; Chromium takes them.
  #point(x, y) {
    return this.owner.name === "firefox" ? clampToViewport(x, y, this.size) : [x, y];
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: "load" });
  }

  async url() {
    return this.page.url();
  }

  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  async waitFor(fn, arg, { timeout = 30000 } = {}) {
    await this.page.waitForFunction(fn, { timeout, polling: "raf" }, arg);
  }

  async setViewport({ width, height, dpr }) {
    const current = this.page.viewport();
    this.size = { width: width ?? current.width, height: height ?? current.height };
    await this.page.setViewport({ ...current, ...this.size, deviceScaleFactor: dpr ?? current.deviceScaleFactor });
  }

  async viewport() {
    const { width, height, deviceScaleFactor } = this.page.viewport();
    return { width, height, dpr: deviceScaleFactor };
  }

  async element(selector, nth = 0) {
    const all = await this.page.$$(selector);
    if (!all[nth]) throw new Error(`no element ${selector} [${nth}]`);
    return all[nth];
  }

  async click(selector, { nth = 0 } = {}) {
    await (await this.element(selector, nth)).click();
  }

  async focus(selector) {
    await (await this.element(selector)).focus();
  }

  async type(selector, text) {
    await (await this.element(selector)).type(text);
  }

  async press(keys) {
    const parts = keys.split("+").map((k) => KEY[k] ?? k);
    const key = parts.pop();
    for (const m of parts) await this.page.keyboard.down(m);
    await this.page.keyboard.press(key);
    for (const m of parts.reverse()) await this.page.keyboard.up(m);
  }

  async screenshot(path, { fullPage = false } = {}) {
    await this.page.screenshot({ path, fullPage });
  }

  async back() {
    await this.page.goBack({ waitUntil: "load", timeout: 10000 });
  }

  async forward() {
    await this.page.goForward({ waitUntil: "load", timeout: 10000 });
  }

  async grantClipboard() {
    if (this.owner.name === "chromium") {
      await this.context.overridePermissions(this.origin, ["clipboard-read", "clipboard-write", "clipboard-sanitized-write"]);
    }
    // Firefox: the asyncClipboard preference set at launch.
  }

  clipboardText() {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /// Clicks what starts a download and waits for the file: its name and bytes.
  async download(selector) {
    return this.owner.name === "chromium" ? this.#chromiumDownload(selector) : this.#firefoxDownload(selector);
  }

  async #chromiumDownload(selector) {
    const { cdp, downloads } = this.owner;
    let name;
    const done = new Promise((resolve, reject) => {
      let guid;
      const began = (e) => {
        guid = e.guid;
        name = e.suggestedFilename;
      };
      const progress = (e) => {
        if (e.guid !== guid || e.state === "inProgress") return;
        cdp.off("Browser.downloadWillBegin", began);
        cdp.off("Browser.downloadProgress", progress);
        e.state === "completed" ? resolve(guid) : reject(new Error(`download ${e.state}`));
      };
      cdp.on("Browser.downloadWillBegin", began);
      cdp.on("Browser.downloadProgress", progress);
    });
    await this.click(selector);
    const guid = await withTimeout(done, 20000, "download");
    const bytes = await readFile(join(downloads, guid));
    await rm(join(downloads, guid), { force: true });
    return { name, bytes };
  }

  async #firefoxDownload(selector) {
    const dir = this.owner.downloads;
    const before = new Set(await readdir(dir));
    await this.click(selector);
    return waitForFile(dir, before);
  }

  async setOffline(offline) {
    if (!this.owner.supports.offline) throw new Unsupported(`${this.owner.name} lacks offline emulation`);
    await this.page.setOfflineMode(offline);
  }

  async tap(x, y) {
    await this.page.touchscreen.tap(x, y);
  }

  /// One finger: down at (x, y), moved, lifted (viewport CSS pixels).
  async touchDown(x, y) {
    await this.page.touchscreen.touchStart(x, y);
  }

  async touchMove(x, y) {
    await this.page.touchscreen.touchMove(x, y);
  }

  async touchUp() {
    await this.page.touchscreen.touchEnd();
  }

  async frameEvaluate(frameSelector, fn, arg) {
    const frame = await (await this.element(frameSelector)).contentFrame();
    return frame.evaluate(fn, arg);
  }

  async close() {
    await this.context.close();
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms))),
  ]);
}

/// The new file in `dir` once it is complete (no partial-download files left
/// and its size steady): its name and bytes; the file is removed.
export async function waitForFile(dir, before, timeout = 20000) {
  const partial = /\.(part|download|wkdownload|crdownload)$/;
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    const names = (await readdir(dir)).filter((n) => !before.has(n) && !n.startsWith("."));
    const done = names.filter((n) => !partial.test(n));
    if (done.length === 1 && names.length === 1) {
      const { size } = await stat(join(dir, done[0]));
      if (size > 0 && last === size) {
        const bytes = await readFile(join(dir, done[0]));
        await rm(join(dir, done[0]), { force: true });
        return { name: done[0], bytes };
      }
      last = size;
    }
    await sleep(50);
  }
  // What the folder holds then: nothing, a download still partial, or more than one.
  const held = (await readdir(dir)).filter((n) => !before.has(n));
  throw new Error(`no download arrived in ${dir} within ${timeout} ms (new in it: ${held.length ? held.join(", ") : "nothing"})`);
}
