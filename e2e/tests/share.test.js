// Sharing: each figure downloads as SVG and PNG, copies its embed code, and
// the back button steps through finished changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedSite, lacks } from "../lib/harness.js";
import { open, readout, setControl, settle } from "../lib/browser.js";

const site = servedSite();

function download(page, figure, kind) {
  return page.download(`[data-figure-name="${figure}"][data-export="${kind}"]`);
}

test("a figure downloads as SVG and as PNG at twice the screen's resolution", async (t) => {
  const why = lacks(site, "downloads");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, site.base, { dpr: 1 });
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
  const cssWidth = await page.evaluate(() => document.querySelector('canvas[data-figure="fit"]').clientWidth);
  assert.equal(width, Math.round(cssWidth * 2));
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the embed button copies an iframe of that figure in the current state", async (t) => {
  const why = lacks(site, "clipboard");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, site.base);
  await page.grantClipboard();
  await setControl(page, "gamma", 3);
  await page.click('[data-figure-name="focal-curves"][data-export="embed"]');
  const code = await page.clipboardText();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/course\/losslab\/\?embed=focal-curves&amp;gamma=3|^<iframe src="http:\/\/127\.0\.0\.1:\d+\/course\/losslab\/\?embed=focal-curves&gamma=3/);
  const src = code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  const embedded = await open(site.browser, src);
  const visible = await embedded.page.evaluate(() => [...document.querySelectorAll("canvas[data-figure]")]
    .filter((c) => { const r = c.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(c).visibility !== "hidden"; })
    .map((c) => c.dataset.figure));
  assert.deepEqual(visible, ["focal-curves"]);
  assert.equal(await readout(embedded.page, "gamma-value"), "3.0");
  assert.deepEqual([...log.errors, ...embedded.log.errors], []);
  await embedded.page.close();
  await page.close();
});

test("back and forward step through finished changes", async () => {
  const { page, log } = await open(site.browser, site.base);
  await setControl(page, "gamma", 1);
  await setControl(page, "label-smoothing", 0.3);
  assert.equal(await readout(page, "gamma-value"), "1.0");
  await page.back();
  await settle(page);
  assert.equal(await readout(page, "label-smoothing-value"), "0.10");
  assert.equal(await readout(page, "gamma-value"), "1.0");
  await page.back();
  await settle(page);
  assert.equal(await readout(page, "gamma-value"), "2.0");
  await page.forward();
  await settle(page);
  assert.equal(await readout(page, "gamma-value"), "1.0");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a slider dragged is one step back, to where the drag began", async () => {
  const { page, log } = await open(site.browser, `${site.base}?gamma=1`);
  const steps = await page.evaluate(async () => {
    const before = history.length;
    const slider = document.querySelector('[data-control="gamma"]');
    // A drag: inputs in frames of their own, then the end, which repeats the last value.
    for (const value of ["1.5", "2.5", "3.5"]) {
      slider.value = value;
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    }
    slider.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    return history.length - before;
  });
  assert.equal(steps, 1, "one step for the drag");
  assert.equal(new URL(await page.url()).searchParams.get("gamma"), "3.5");
  await page.back();
  await settle(page);
  assert.equal(await readout(page, "gamma-value"), "1.0", "Back goes to where the drag began");
  assert.equal(new URL(await page.url()).searchParams.get("gamma"), "1");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("hovering a point shows its numbers and highlights it; play animates the fit", async () => {
  const { page, log } = await open(site.browser, site.base);
  await page.scrollIntoView('canvas[data-figure="points"]');
  const box = await page.box('canvas[data-figure="points"]');
  let tip = "";
  for (let i = 0; i <= 80 && !tip; i++) {
    await page.mouse.move(box.x + (box.width * i) / 80, box.y + box.height / 2);
    if (await page.visible("#tooltip")) tip = await page.text("#tooltip");
  }
  // The tooltip gives p_t, the probability of the point's true class, and its loss −log p_t.
  const pt = Number(tip.match(/p_t = (0\.\d{4})/)?.[1]);
  const loss = Number(tip.match(/loss = (\d\.\d{4})/)?.[1]);
  assert.ok(Math.abs(loss + Math.log(pt)) <= 5e-5 / pt + 5e-5, tip);
  // The bars of the red points answer for red points only.
  await page.scrollIntoView('canvas[data-figure="red-bars"]');
  const barBox = await page.box('canvas[data-figure="red-bars"]');
  const seen = new Set();
  for (let i = 0; i <= 120; i++) {
    await page.mouse.move(barBox.x + (barBox.width * i) / 120, barBox.y + barBox.height / 2);
    if (await page.visible("#tooltip")) seen.add((await page.text("#tooltip")).split("\n")[1]);
  }
  assert.deepEqual([...seen], ["class: red (y = 0)"]);
  await page.click('[data-control="reset"]');
  await settle(page);
  assert.equal(await readout(page, "iteration"), "0");
  await page.click('[data-control="play"]');
  await page.wait(300);
  const moving = Number(await readout(page, "iteration"));
  assert.ok(moving > 0 && moving < 130, `the animation is under way and watchable: iteration ${moving}`);
  await page.waitFor(() => document.querySelector('[data-readout="fit-status"]').textContent.includes("reached the optimum"), null, { timeout: 15000 });
  assert.equal(await readout(page, "bce"), "0.3329");
  assert.deepEqual(log.errors, []);
  await page.close();
});
