// The softmax demo in the plane: its three figures drawn, every control and
// readout, the pointer and the keyboard on the plane, embeds, export and a
// bad link, in English and Chinese.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { servedSite, shots, lacks } from "../lib/harness.js";
import { open, canvasInk, readout, setControl, settle } from "../lib/browser.js";

const site = servedSite();
before(() => mkdir(shots, { recursive: true }));

const FIGURES = ["softmax-regions", "softmax-probs", "softmax-logits"];
const number = (text) => Number(text.replace("%", "").trim());

function assertDrawn(ink) {
  for (const name of FIGURES) {
    const fig = ink.find((f) => f.name === name);
    assert.ok(fig?.visible, `${name} is shown`);
    assert.ok(fig.ink > 0.005, `${name} is drawn (${(fig.ink * 100).toFixed(2)} % ink)`);
  }
}

/// A figure's description, the text that follows the state.
function description(page, figure) {
  return page.evaluate((figure) => {
    const c = document.querySelector(`canvas[data-figure="${figure}"]`);
    return document.getElementById(c.getAttribute("aria-describedby")).textContent;
  }, figure);
}

/// A fingerprint of a figure's pixels: what changes when its drawing does
/// (the figure brought into view first: only what is near is drawn).
function pixels(page, figure) {
  return page.evaluate(async (figure) => {
    const c = document.querySelector(`canvas[data-figure="${figure}"]`);
    c.scrollIntoView({ block: "center", behavior: "instant" });
    for (let i = 0; i < 4 || (c.width === 0 && i < 60); i++) await new Promise((r) => requestAnimationFrame(r));
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) hash = (Math.imul(hash, 31) + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
    return hash;
  }, figure);
}

for (const [lang, status] of [["en", /^Converged after \d+ Newton steps\.$/], ["zh", /^牛顿法 \d+ 步后收敛。$/]]) {
  test(`?softmax-data=blobs draws the plane, the probabilities and the gaps with numbers (${lang})`, async () => {
    const { page, log } = await open(site.browser, `${site.base}?softmax-data=blobs&lang=${lang}`, { dpr: 2 });
    assertDrawn(await canvasInk(page));
    assert.equal(await readout(page, "softmax-accuracy"), "100.0%");
    assert.ok(number(await readout(page, "softmax-loss")) < 0.05);
    assert.ok(number(await readout(page, "softmax-logit-gap")) > 3, "without smoothing the gaps are large");
    assert.match(await readout(page, "softmax-status"), status);
    assert.match(await readout(page, "softmax-keras-one-hot"), /^keras\.losses\.CategoricalCrossentropy\(\)\(\[\[[01], [01], [01]\]\], \[\[0\.\d{6}, /);
    assert.match(await readout(page, "softmax-keras-sparse"), /^keras\.losses\.SparseCategoricalCrossentropy\(\)\(\[\d\], /);
    const alt = await description(page, "softmax-regions");
    assert.match(alt, lang === "en" ? /^The blobs data: 150 points of 3 classes/ : /^团簇数据：平面上 3 个类别的 150 个点/);
    await page.scrollIntoView("#softmax");
    await page.screenshot(`${shots}/softmax-blobs-${lang}.png`, { fullPage: true });
    assert.deepEqual(log.errors, []);
    await page.close();
  });
}

test("label smoothing pulls the median gap down to its line; γ moves the boundaries", async () => {
  const { page, log } = await open(site.browser, `${site.base}?softmax-data=blobs`);
  const before = number(await readout(page, "softmax-logit-gap"));
  await setControl(page, "softmax-smoothing", 0.2);
  const after = number(await readout(page, "softmax-logit-gap"));
  const line = Math.log(13); // ln(1 + (1 − 0.2)·3 / 0.2)
  assert.ok(after < before, `the median gap falls: ${before} → ${after}`);
  assert.ok(Math.abs(after - line) < Math.abs(before - line) / 2, `towards ${line.toFixed(3)}: ${before} → ${after}`);
  assert.equal(await readout(page, "softmax-smoothing-value"), "0.20");
  const regions = await pixels(page, "softmax-regions");
  await setControl(page, "softmax-gamma", 3);
  assert.notEqual(await pixels(page, "softmax-regions"), regions, "γ = 3 moves the regions");
  assert.equal(await readout(page, "softmax-gamma-value"), "3.0");
  assert.match(await page.url(), /softmax-smoothing=0\.2&softmax-gamma=3/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("presets, K, C, the seed and the animation", async () => {
  const { page, log } = await open(site.browser, site.base);
  await page.select('[data-control="softmax-data"]', "ring");
  await settle(page);
  assert.match(await readout(page, "softmax-data-note"), /convex/);
  assert.ok(number(await readout(page, "softmax-accuracy")) < 80, "no straight boundary holds a ring");
  await page.scrollIntoView("#softmax");
  await page.screenshot(`${shots}/softmax-ring.png`, { fullPage: true });
  await page.select('[data-control="softmax-data"]', "imbalanced");
  await setControl(page, "softmax-classes", 6);
  assert.equal(await readout(page, "softmax-classes-value"), "6");
  assert.match(await description(page, "softmax-regions"), /^The imbalanced \(100 \/ 20 \/ 5\) data: 140 points of 6 classes/);
  await page.screenshot(`${shots}/softmax-imbalanced-6.png`, { fullPage: true });
  await page.select('[data-control="softmax-reg"]', "off");
  await settle(page);
  assert.ok(await page.evaluate(() => document.querySelector('[data-control="softmax-C"]').disabled), "C is off without the penalty");
  await page.select('[data-control="softmax-reg"]', "l2");
  await setControl(page, "softmax-C", -3);
  assert.equal(await readout(page, "softmax-C-value"), "0.0010");
  const drawn = await pixels(page, "softmax-regions");
  await page.click('[data-control="softmax-reset"]');
  await settle(page);
  assert.equal(await readout(page, "softmax-iteration"), "0");
  await page.click('[data-control="softmax-play"]');
  await page.wait(300);
  assert.ok(number(await readout(page, "softmax-iteration")) > 0, "the descent is under way");
  await page.waitFor(() => /came within|Converged|stopped/.test(document.querySelector('[data-readout="softmax-status"]').textContent), null, { timeout: 60000 });
  await page.click('[data-control="softmax-converge"]');
  await settle(page);
  assert.match(await readout(page, "softmax-status"), /^Converged/);
  assert.equal(await pixels(page, "softmax-regions"), drawn, "the jump lands where the page opened");
  await page.click('[data-action="new-seed"]', { nth: 1 });
  await settle(page);
  assert.match(await page.url(), /seed=2/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the plane's points are chosen, moved, reclassed, added and removed", async () => {
  const { page, log } = await open(site.browser, `${site.base}?softmax-data=blobs`);
  await page.scrollIntoView('canvas[data-figure="softmax-regions"]');
  await page.focus('canvas[data-figure="softmax-regions"]');
  await page.press("PageDown");
  await settle(page);
  assert.match(await page.url(), /softmax-point=1(&|$)/, "the keyboard chooses the first point");
  const title = await description(page, "softmax-probs");
  assert.match(title, /^Point 1, of class \d/);
  await page.press("Shift+ArrowRight");
  await settle(page);
  assert.match(await page.url(), /softmax-pts=/, "a moved point makes the points the reader's");
  const picked = await page.evaluate(() => document.querySelector('[data-control="softmax-class"]').value);
  await page.press("Space");
  await settle(page);
  assert.notEqual(await page.evaluate(() => document.querySelector('[data-control="softmax-class"]').value), picked, "Space gives the next class, and the picker shows it");
  // Shift-click adds a point of the picked class where the pointer is; a drag moves it; alt-click removes it.
  await page.select('[data-control="softmax-class"]', "2");
  const box = await page.box('canvas[data-figure="softmax-regions"]');
  const [x, y] = [box.x + box.width * 0.2, box.y + box.height * 0.2];
  await page.press("Escape");
  await page.mouse.click(x, y, { modifiers: ["Shift"] });
  await settle(page);
  const count = () => page.evaluate(() => new URLSearchParams(location.search).get("softmax-pts").split(",").length);
  assert.equal(await count(), 151);
  const loss = await readout(page, "softmax-loss");
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + box.width * 0.5, y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await settle(page);
  assert.notEqual(await readout(page, "softmax-loss"), loss, "the fit follows the dragged point");
  await page.mouse.click(x + box.width * 0.5, y + box.height * 0.5, { modifiers: ["Alt"] });
  await settle(page);
  // Soon after the drag, the removal repeats its change (the points' key):
  // its address takes its turn, at most 150 ms.
  await page.waitFor(() => new URLSearchParams(location.search).get("softmax-pts").split(",").length === 150, null, { timeout: 2000 }).catch(() => {});
  assert.equal(await count(), 150);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("each softmax figure embeds alone with its controls and downloads as SVG", async (t) => {
  for (const figure of FIGURES) {
    const { page, log } = await open(site.browser, `${site.base}?embed=${figure}&softmax-data=overlap`);
    const shown = (await canvasInk(page)).filter((f) => f.visible);
    assert.deepEqual(shown.map((f) => f.name), [figure]);
    assert.ok(shown[0].ink > 0.005, `${figure} is drawn`);
    assert.ok(await page.visible('[data-control="softmax-smoothing"]'), "its controls are shown");
    assert.deepEqual(log.errors, []);
    await page.close();
  }
  const why = lacks(site, "downloads");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, site.base);
  const svg = (await page.download('[data-figure-name="softmax-regions"][data-export="svg"]')).bytes.toString("utf8");
  assert.match(svg, /<image x="\d+" y="\d+" width="\d+" height="\d+" preserveAspectRatio="none" href="data:image\/png;base64,iVBORw0KGgo/);
  const png = await page.download('[data-figure-name="softmax-regions"][data-export="png"]');
  assert.equal(png.name, "losslab-softmax-regions.png");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("garbage in the softmax keys is clamped and explained, in both languages", async () => {
  const { page, log } = await open(site.browser, `${site.base}?softmax-C=abc&softmax-gamma=9&softmax-classes=99&softmax-pts=zzz&softmax-data=moons&softmax-point=-3`);
  assertDrawn(await canvasInk(page));
  assert.ok(await page.visible("#notices"));
  assert.equal(await readout(page, "softmax-gamma-value"), "5.0");
  assert.equal(await readout(page, "softmax-classes-value"), "6");
  const english = await page.text("#notices");
  assert.match(english, /softmax-gamma = 9 is out of range; using 5\./);
  assert.match(english, /softmax-pts = zzz is not valid \(expected x:y:class triples/);
  await page.select('[data-control="lang"]', "zh");
  await page.waitFor(() => /[\u4e00-\u9fff]/.test(document.querySelector("#notices").textContent));
  assert.match(await page.text("#notices"), /softmax-gamma = 9 超出范围，已使用 5。/);
  assert.deepEqual(log.errors, []);
  await page.close();
});
