// The one browser harness of the end-to-end tests and the page benchmark.
// LOSSLAB_ENGINE picks the engine: chromium (default), firefox or webkit. A
// test sees only what is here and in `engines/common.js`: it never knows
// which engine runs (e2e/README.md says what differs between them).
//
// Why these drivers (measured on Debian 12, Node 20, nothing downloaded):
// - Chromium 156 and Firefox ESR 153: puppeteer-core 24 (pinned; the newest
//   line that runs on Node 20). One library for both: the DevTools protocol
//   for Chromium, WebDriver BiDi for Firefox, which firefox-esr speaks
//   headless with no geckodriver in between. Console messages, uncaught
//   exceptions and every request arrive as events in both.
// - WebKit (WebKitGTK 2.50's MiniBrowser): no library drives it with what
//   is installed here. WebKitWebDriver speaks classic WebDriver only (a
//   session asking for webSocketUrl is refused), so `webdriver.js` is a
//   small client of it, and `engines/webkit.js` makes up for what classic
//   WebDriver does not report (console, requests) with a proxy.
// playwright-core is not used any more: it drives only Chromium here (its
// Firefox and WebKit are builds of its own, which cannot be downloaded).
import { launchChromium, launchFirefox } from "./engines/puppeteer.js";
import { launchWebKit } from "./engines/webkit.js";

export { Unsupported } from "./engines/common.js";

export const ENGINE = process.env.LOSSLAB_ENGINE ?? "chromium";
const ENGINES = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit };
if (!ENGINES[ENGINE]) throw new Error(`LOSSLAB_ENGINE=${ENGINE}: one of ${Object.keys(ENGINES).join(", ")}`);

/// The browser of the chosen engine. `browser.supports` says which of the
/// features some engines lack it has (dprChange, touch, touchScroll,
/// coarsePointer, noScript, offline, clipboard, downloads, iframes,
/// crossOrigin); `browser.close()` ends it. A browser that does not start
/// in its launcher's time (Firefox, now and then, on a busy machine) is
/// started once more before the file's tests fail.
export async function launch() {
  try {
    return await ENGINES[ENGINE]();
  } catch (error) {
    console.warn(`losslab: ${ENGINE} did not start (${error.message}); starting it once more`);
    return ENGINES[ENGINE]();
  }
}

/// A fresh page (nothing shared with other pages: storage, history) that
/// records console errors and uncaught exceptions (`log.errors`) and every
/// request to another origin (`log.foreign`), with the page loaded and drawn
/// (or, with `live: false`, only loaded: a page whose module cannot run).
/// `page.close()` ends it.
export async function open(browser, url, { width = 1100, height = 900, dpr = 1, colorScheme = "light", touch = false, javascript = true, live = javascript } = {}) {
  const { page, log } = await browser.open(url, { width, height, dpr, colorScheme, touch, javascript });
  if (!live) return { page, log };
  // The page opens in several short tasks (the last one marks it), then
  // draws each figure on the screen over its still, one per frame.
  try {
    await page.waitFor(() => {
      const canvases = [...document.querySelectorAll("canvas[data-figure]")];
      const onScreen = (c) => {
        const box = c.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
      };
      return performance.getEntriesByName("losslab-mounted").length > 0 && canvases.length > 0 &&
        canvases.filter(onScreen).every((c) => !c.closest(".canvas-box")?.querySelector(".still"));
    }, null, { timeout: 20000 });
  } catch (error) {
    throw new Error(`${error.message}; the page then: ${await opening(page).catch((e) => `unreadable (${e.message})`)}; errors: ${JSON.stringify(log.errors)}`);
  }
  await settle(page);
  return { page, log };
}

/// How far a page that did not open got: its address and state, the marks
/// of its start, the notice it shows, and each figure with its canvas' box,
/// backing store and whether its still is still there.
function opening(page) {
  return page.evaluate(() => {
    const figures = [...document.querySelectorAll("canvas[data-figure]")].map((c) => {
      const box = c.getBoundingClientRect();
      const still = Boolean(c.closest(".canvas-box")?.querySelector(".still"));
      return `${c.dataset.figure} ${Math.round(box.width)}×${Math.round(box.height)} at ${Math.round(box.top)} backing ${c.width}×${c.height}${still ? " still shown" : ""}`;
    });
    const marks = performance.getEntriesByType("mark").map((m) => `${m.name} ${Math.round(m.startTime)}`);
    return JSON.stringify({ url: location.href, readyState: document.readyState, viewport: [innerWidth, innerHeight], marks, notice: [...document.querySelectorAll("#boot-status:not([hidden]) [data-boot]:not([hidden])")].map((l) => l.textContent.trim()), figures });
  });
}

/// Waits for two animation frames: everything scheduled is drawn. A
/// navigation that replaces the document meanwhile (one the last step
/// started) is waited for, and the new document settled instead. WebKit's
/// driver now and then loses a script's reply ("Could not parse script
/// result") on a page still opening; waiting is safe to repeat, so that
/// is tried again too.
export async function settle(page) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    } catch (error) {
      if (attempt >= 3 || !/context was destroyed|navigat|detached|no such (frame|window)|discarded|javascript error|could not parse script result/i.test(String(error))) throw error;
      await page.waitFor(() => document.readyState === "complete", null, { timeout: 20000 });
    }
  }
}

/// For each figure canvas: its name, size, and the share of pixels that
/// differ from its background (the top-left pixel). The page draws only the
/// figures near the viewport, so each shown figure is scrolled to and its
/// drawing at its present size (backing store = CSS size × pixel ratio)
/// waited for, a few frames at most, before it is read; the scroll is put
/// back after. One call into the page per figure, so that no call waits long
/// on a slow machine.
export async function canvasInk(page) {
  const [count, scroll] = await page.evaluate(() => [document.querySelectorAll("canvas[data-figure]").length, [scrollX, scrollY]]);
  const ink = [];
  for (let nth = 0; nth < count; nth++) {
    ink.push(await page.evaluate(async (nth) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const c = document.querySelectorAll("canvas[data-figure]")[nth];
      if (!c || c.offsetParent === null) return { name: c?.dataset.figure, visible: false, ink: 0 };
      c.scrollIntoView({ block: "center", behavior: "instant" });
      const ratio = Math.min(Math.max(devicePixelRatio, 0.5), 4);
      const current = () => c.width > 0 && c.height > 0 && !c.closest(".canvas-box")?.querySelector(".still") &&
        c.width === Math.max(1, Math.round(c.clientWidth * ratio));
      for (let i = 0; i < 60 && !current(); i++) await frame();
      await frame();
      if (!(c.width > 0 && c.height > 0)) return { name: c.dataset.figure, visible: false, ink: 0 };
      const ink = () => {
        const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let differ = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 24) differ++;
        }
        return differ / (data.length / 4);
      };
      // A drawn figure that reads back as one colour is read again a few
      // frames later: under load, WebKit has once read back a canvas of
      // the right size, drawn (its still gone), as empty. A figure that is
      // blank stays blank however often it is read.
      let reads = 1;
      let found = ink();
      for (; found === 0 && reads < 4; reads++) {
        for (let i = 0; i < 3; i++) await frame();
        found = ink();
      }
      return { name: c.dataset.figure, visible: true, ink: found, reads, width: c.width, cssWidth: c.clientWidth };
    }, nth));
  }
  await page.evaluate(async ([x, y]) => {
    scrollTo(x, y);
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  }, scroll);
  return ink;
}

export async function readout(page, name) {
  return page.text(`[data-readout="${name}"]`);
}

/// Sets a range or number input and fires the events a person's drag fires.
export async function setControl(page, name, value) {
  await page.evaluate(([name, value]) => {
    const el = document.querySelector(`[data-control="${name}"]`);
    if (el.type === "checkbox") {
      el.checked = Boolean(value);
    } else {
      el.value = String(value);
    }
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }, [name, value]);
  await settle(page);
}
