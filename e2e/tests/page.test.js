// The built page (dist/), served from a sub-folder under the strict CSP, in
// headless Chromium: it loads clean, draws every figure, and its numbers move.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { servedSite, root } from "../lib/harness.js";
import { open, canvasInk, readout, setControl, settle } from "../lib/browser.js";
import { FIGURES } from "../lib/figures.js";

const shots = `${root}target/screenshots`;

const site = servedSite();
before(() => mkdir(shots, { recursive: true }));

function assertAllDrawn(ink, names = FIGURES) {
  for (const name of names) {
    const fig = ink.find((f) => f.name === name);
    assert.ok(fig, `figure ${name} is on the page`);
    assert.ok(fig.visible, `figure ${name} is visible`);
    assert.ok(fig.ink > 0.005, `figure ${name} is drawn (${(fig.ink * 100).toFixed(2)} % ink)`);
  }
}

test("loads clean, draws every figure, shows the article's numbers", async () => {
  const { context, page, log } = await open(site.browser, site.base);
  assertAllDrawn(await canvasInk(page));
  assert.equal(await readout(page, "bce"), "0.3329");
  assert.equal(await readout(page, "logit-gap"), "3.3322");
  assert.equal((await page.locator('[data-results="bce"] [data-readout="bce-keras"]').textContent()), "11.522857");
  assert.equal((await page.locator('[data-results="cce"] [data-readout="cce-keras"]').textContent()), "1.1769392");
  await page.screenshot({ path: `${shots}/page-light-dpr1.png`, fullPage: true });
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test("the smoothing slider and the regularisation control move the loss", async () => {
  const { context, page, log } = await open(site.browser, site.base);
  await setControl(page, "smoothing", 0.2);
  assert.notEqual(await readout(page, "bce"), "0.3329");
  await setControl(page, "smoothing", 0);
  assert.equal(await readout(page, "bce"), "0.3329");
  await page.selectOption('[data-control="regularization"]', "off");
  await settle(page);
  assert.equal(await readout(page, "bce"), "0.3052");
  assert.match(page.url(), /reg=off/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("crisp at DPR 2, dark and narrow", async () => {
  for (const [name, options] of [
    ["page-light-dpr2", { dpr: 2 }],
    ["page-dark-dpr1", { colorScheme: "dark" }],
    ["page-narrow-dpr2", { width: 360, height: 800, dpr: 2 }],
  ]) {
    const { context, page, log } = await open(site.browser, site.base, options);
    const ink = await canvasInk(page);
    assertAllDrawn(ink);
    for (const fig of ink) {
      assert.equal(fig.width, Math.round(fig.cssWidth * (options.dpr ?? 1)), `${fig.name} backing store = CSS size × DPR`);
    }
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    assert.deepEqual(log.errors, [], name);
    await context.close();
  }
});

test("a resize or a new pixel ratio redraws every figure at its new size", async () => {
  const { context, page, log } = await open(site.browser, site.base);
  const crisp = async (dpr, when) => {
    const ink = await canvasInk(page);
    assertAllDrawn(ink);
    for (const fig of ink) {
      assert.equal(fig.width, Math.round(fig.cssWidth * dpr), `${fig.name} backing store = CSS size × DPR ${when}`);
    }
  };
  await page.setViewportSize({ width: 480, height: 900 });
  await settle(page);
  await crisp(1, "after narrowing the window");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 1300, height: 900, deviceScaleFactor: 2, mobile: false });
  await settle(page);
  await crisp(2, "after moving to a denser screen");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an embed link shows one drawn figure and nothing else", async () => {
  const { context, page, log } = await open(site.browser, `${site.base}?embed=focal-curves&gamma=2`);
  const ink = (await canvasInk(page)).filter((f) => f.visible);
  assert.deepEqual(ink.map((f) => f.name), ["focal-curves"]);
  assert.ok(ink[0].ink > 0.005);
  assert.equal(await page.locator("h2:visible").count(), 0, "no page chrome");
  assert.ok(await page.locator('[data-control="gamma"]').isVisible(), "its controls are shown");
  await page.screenshot({ path: `${shots}/embed-focal-curves.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
  // controls=0: the figure alone, even where its controls are a calculator.
  for (const figure of ["focal-curves", "cce"]) {
    const bare = await open(site.browser, `${site.base}?embed=${figure}&controls=0`);
    const shown = (await canvasInk(bare.page)).filter((f) => f.visible).map((f) => f.name);
    assert.deepEqual(shown, [figure]);
    assert.equal(await bare.page.locator(".controls:visible, .calculator:visible").count(), 0, `${figure}: no controls`);
    assert.deepEqual(bare.log.errors, []);
    await bare.context.close();
  }
});

test("garbage in the URL is clamped and explained, never a blank page", async () => {
  const { context, page, log } = await open(site.browser, `${site.base}?gamma=NaN&C=1e308&K=9999&pts=zzz&lang=xx&gamma=7`);
  assertAllDrawn(await canvasInk(page));
  assert.ok(await page.locator("#notices").isVisible());
  assert.equal(await readout(page, "gamma-value"), "5.0");
  const english = await page.locator("#notices").textContent();
  await page.selectOption('[data-control="lang"]', "zh");
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector("#notices").textContent));
  const chinese = await page.locator("#notices").textContent();
  assert.notEqual(chinese, english, "the notice follows the language");
  assert.match(chinese, /[\u4e00-\u9fff]/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
