// Debian's Chromium, driven by playwright-core (which never downloads a browser).
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";

const CANDIDATES = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);

export async function launch() {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new Error("Chromium not found; run scripts/setup");
  return chromium.launch({
    executablePath,
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
}

/// A page that records console errors, uncaught exceptions and every request
/// to another origin.
export async function open(browser, url, { width = 1100, height = 900, dpr = 1, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme });
  const page = await context.newPage();
  const log = { errors: [], foreign: [] };
  const origin = new URL(url).origin;
  page.on("console", (msg) => {
    if (msg.type() === "error") log.errors.push(msg.text());
  });
  page.on("pageerror", (err) => log.errors.push(String(err)));
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) log.foreign.push(u);
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll("canvas[data-figure]").length > 0 &&
    document.querySelector('[data-readout="bce"]')?.textContent !== "", null, { timeout: 20000 });
  await settle(page);
  return { context, page, log };
}

/// Waits for two animation frames: everything scheduled is drawn. A
/// navigation that replaces the document meanwhile (one the last step
/// started) is waited for, and the new document settled instead.
export async function settle(page) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    } catch (error) {
      if (attempt >= 3 || !/Execution context was destroyed/.test(String(error))) throw error;
      await page.waitForLoadState("load");
    }
  }
}

/// For each figure canvas: its name, size, and the share of pixels that
/// differ from its background (the top-left pixel).
export async function canvasInk(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("canvas[data-figure]")].map((c) => {
      const visible = c.offsetParent !== null && c.width > 0 && c.height > 0;
      if (!visible) return { name: c.dataset.figure, visible, ink: 0 };
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let differ = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 24) differ++;
      }
      return { name: c.dataset.figure, visible, ink: differ / (data.length / 4), width: c.width, cssWidth: c.clientWidth };
    }),
  );
}

export async function readout(page, name) {
  return page.locator(`[data-readout="${name}"]`).first().textContent();
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
