// A phone: a 360-pixel touch screen at DPR 3. A finger swiping over any
// figure scrolls the article; only a touch that starts on a point takes it:
// a tap flips it, a drag moves it, a long press removes it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { servedSite, lacks, root } from "../lib/harness.js";
import { open, settle } from "../lib/browser.js";

const site = servedSite();
const PHONE = { width: 360, height: 740, dpr: 3, touch: true };

/// The green points' marks of the fit in its still (drawn by the same chart
/// code at the narrow column's size), in the canvas' CSS pixels.
async function greenMarks(page) {
  const svg = await readFile(`${root}dist/figures/fit.narrow.svg`, "utf8");
  const width = Number(svg.match(/<svg width="(\d+)"/)[1]);
  const box = await page.box('canvas[data-figure="fit"]');
  const scale = box.width / width;
  return [...svg.matchAll(/<circle cx="(\d+)" cy="(\d+)" r="6"[^>]*fill="#1A9850"/g)].map((m) => [Number(m[1]) * scale, Number(m[2]) * scale]);
}

/// Puts the figure's canvas a third of the way down the screen; its box.
async function bring(page, name) {
  await page.evaluate((name) => {
    const canvas = document.querySelector(`canvas[data-figure="${name}"]`);
    scrollBy({ top: canvas.getBoundingClientRect().top - innerHeight / 3, behavior: "instant" });
  }, name);
  await settle(page);
  await settle(page);
  return page.box(`canvas[data-figure="${name}"]`);
}

async function swipe(page, x, y, dy) {
  await page.touchDown(x, y);
  for (let i = 1; i <= 10; i++) await page.touchMove(x, y + (dy * i) / 10);
  await page.touchUp();
  await settle(page);
}

const scrollY = (page) => page.evaluate(() => scrollY);
const points = (page) => page.evaluate(() => new URLSearchParams(location.search).get("pts"));

test("a finger swiping over a figure scrolls the page; the figures stay as they were", async (t) => {
  const why = lacks(site, "touch") ?? lacks(site, "touchScroll");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, site.base, PHONE);
  // A figure with movable points (between its rows of points), a figure
  // that only answers hovering, and one the pointer does nothing to.
  for (const name of ["fit", "green-bars", "neglog", "points"]) {
    const box = await bring(page, name);
    const before = await scrollY(page);
    const url = await page.url();
    // The strip's points sit on its middle line: the swipe starts above it.
    const y = box.y + box.height * (name === "points" ? 0.2 : 0.5);
    await swipe(page, box.x + box.width * 0.5, y, -200);
    const scrolled = (await scrollY(page)) - before;
    assert.ok(scrolled > 100, `a swipe up over ${name} scrolls the page (by ${scrolled} px)`);
    assert.equal(await page.url(), url, `the swipe over ${name} changed nothing`);
  }
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("on a phone a tap flips a point, a drag moves it and a long press removes it, scrolling nothing", async (t) => {
  const why = lacks(site, "touch");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, site.base, PHONE);
  // The hints under the points say what a finger does, not what a mouse does.
  if (!lacks(site, "coarsePointer")) {
    const hints = await page.evaluate(() =>
      ["bce.points.hint", "bce.points.hint-touch", "softmax.hint", "softmax.hint-touch"].map((key) => {
        const hint = document.querySelector(`[data-i18n="${key}"]`);
        return [key, hint.getClientRects().length > 0, hint.textContent];
      }));
    for (const [key, shown, text] of hints) {
      assert.equal(shown, key.endsWith("-touch"), `${key} ${shown ? "shown" : "hidden"} on a phone: ${text}`);
    }
    assert.match(hints[1][2], /tap a point to flip its colour, drag it to move it, hold it to remove it/);
  }
  const box = await bring(page, "fit");
  const marks = await greenMarks(page);
  assert.equal(marks.length, 7, "the article's seven green points");
  const at = ([x, y]) => [box.x + x, box.y + y];
  const top = await scrollY(page);
  assert.equal(await points(page), null, "the article's points");

  // A tap on the first green point (x = -0.6 in the article's ten): red now.
  await page.tap(...at(marks[0]));
  await settle(page);
  const tapped = await points(page);
  assert.ok(tapped, "the tap changed the points");
  const pairs = tapped.split(",");
  assert.equal(pairs.length, 10);
  assert.equal(pairs.filter((p) => p.endsWith(":1")).length, 6, `one green point fewer: ${tapped}`);

  // A drag of the second green point 60 pixels to the right moves it.
  const [x, y] = at(marks[1]);
  await page.touchDown(x, y);
  for (let i = 1; i <= 6; i++) await page.touchMove(x + 10 * i, y);
  await page.touchUp();
  await settle(page);
  // A drag of the points this soon after the tap repeats its change (the
  // points' key): its address waits its turn, at most 150 ms.
  await page.waitFor((before) => new URLSearchParams(location.search).get("pts") !== before, tapped, { timeout: 2000 }).catch(() => {});
  const dragged = (await points(page)).split(",");
  assert.equal(dragged.length, 10);
  assert.notDeepEqual(dragged, pairs, "the drag moved a point");
  assert.equal(dragged.filter((p) => p.endsWith(":1")).length, 6, "a drag flips nothing");
  assert.equal(await scrollY(page), top, "a drag of a point scrolls nothing");

  // A long press on the last green point removes it.
  const [lx, ly] = at(marks[6]);
  await page.touchDown(lx, ly);
  await page.wait(900);
  await page.touchUp();
  await settle(page);
  const held = (await points(page)).split(",");
  assert.equal(held.length, 9, `a long press removed one point: ${held}`);
  assert.equal(held.filter((p) => p.endsWith(":1")).length, 5);
  assert.equal(await scrollY(page), top, "nor does a long press");
  assert.deepEqual(log.errors, []);
  await page.close();
});
