// Sharing: each figure downloads as SVG and PNG, copies its embed code, and
// the back button steps through finished changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { servedSite } from "../lib/harness.js";
import { open, readout, setControl, settle } from "../lib/browser.js";

const site = servedSite();

async function download(page, figure, kind) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`[data-figure-name="${figure}"][data-export="${kind}"]`),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test("a figure downloads as SVG and as PNG at twice the screen's resolution", async () => {
  const { context, page, log } = await open(site.browser, site.base, { dpr: 1 });
  const svg = await download(page, "focal-curves", "svg");
  assert.equal(svg.name, "losslab-focal-curves.svg");
  const text = svg.bytes.toString("utf8");
  assert.match(text, /^<svg[^>]* role="img"/);
  assert.match(text, /<title[^>]*>Focal loss for several γ<\/title>/);
  assert.ok((text.match(/<polyline/g) ?? []).length >= 6, "five paper curves and the reader's γ");
  const png = await download(page, "fit", "png");
  assert.equal(png.name, "losslab-fit.png");
  assert.deepEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(""), "PNG");
  const width = png.bytes.readUInt32BE(16);
  const cssWidth = await page.locator('canvas[data-figure="fit"]').evaluate((c) => c.clientWidth);
  assert.equal(width, Math.round(cssWidth * 2));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the embed button copies an iframe of that figure in the current state", async () => {
  const { context, page, log } = await open(site.browser, site.base);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await setControl(page, "gamma", 3);
  await page.click('[data-figure-name="focal-curves"][data-export="embed"]');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/course\/losslab\/\?embed=focal-curves&amp;gamma=3|^<iframe src="http:\/\/127\.0\.0\.1:\d+\/course\/losslab\/\?embed=focal-curves&gamma=3/);
  const src = code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  const embedded = await open(site.browser, src);
  const visible = await embedded.page.locator("canvas[data-figure]:visible").evaluateAll((cs) => cs.map((c) => c.dataset.figure));
  assert.deepEqual(visible, ["focal-curves"]);
  assert.equal(await readout(embedded.page, "gamma-value"), "3.0");
  assert.deepEqual([...log.errors, ...embedded.log.errors], []);
  await embedded.context.close();
  await context.close();
});

test("back and forward step through finished changes", async () => {
  const { context, page, log } = await open(site.browser, site.base);
  await setControl(page, "gamma", 1);
  await setControl(page, "label-smoothing", 0.3);
  assert.equal(await readout(page, "gamma-value"), "1.0");
  await page.goBack();
  await settle(page);
  assert.equal(await readout(page, "label-smoothing-value"), "0.10");
  assert.equal(await readout(page, "gamma-value"), "1.0");
  await page.goBack();
  await settle(page);
  assert.equal(await readout(page, "gamma-value"), "2.0");
  await page.goForward();
  await settle(page);
  assert.equal(await readout(page, "gamma-value"), "1.0");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("hovering a point shows its numbers and highlights it; play animates the fit", async () => {
  const { context, page, log } = await open(site.browser, site.base);
  const strip = page.locator('canvas[data-figure="points"]');
  await strip.scrollIntoViewIfNeeded();
  const box = await strip.boundingBox();
  let tip = "";
  for (let i = 0; i <= 80 && !tip; i++) {
    await page.mouse.move(box.x + (box.width * i) / 80, box.y + box.height / 2);
    if (await page.locator("#tooltip").isVisible()) tip = await page.locator("#tooltip").textContent();
  }
  assert.match(tip, /p\(true class\) = 0\.\d{4}/);
  assert.match(tip, /loss = \d\.\d{4}/);
  // The bars of the red points answer for red points only.
  const bars = page.locator('canvas[data-figure="red-bars"]');
  await bars.scrollIntoViewIfNeeded();
  const barBox = await bars.boundingBox();
  const seen = new Set();
  for (let i = 0; i <= 120; i++) {
    await page.mouse.move(barBox.x + (barBox.width * i) / 120, barBox.y + barBox.height / 2);
    if (await page.locator("#tooltip").isVisible()) seen.add((await page.locator("#tooltip").textContent()).split("\n")[1]);
  }
  assert.deepEqual([...seen], ["class: red (y = 0)"]);
  await page.click('[data-control="reset"]');
  await settle(page);
  assert.equal(await readout(page, "iteration"), "0");
  await page.click('[data-control="play"]');
  await page.waitForTimeout(300);
  const moving = Number(await readout(page, "iteration"));
  assert.ok(moving > 0 && moving < 130, `the animation is under way and watchable: iteration ${moving}`);
  await page.waitForFunction(() => document.querySelector('[data-readout="fit-status"]').textContent.includes("reached the optimum"), null, { timeout: 15000 });
  assert.equal(await readout(page, "bce"), "0.3329");
  assert.deepEqual(log.errors, []);
  await context.close();
});
