// The claims on data: a data set from a seed, four fits compared on its
// held-out points, and every control, readout and figure of that section,
// in English and Chinese.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { servedSite, shots } from "../lib/harness.js";
import { open, canvasInk, readout, setControl, settle } from "../lib/browser.js";

const site = servedSite();
before(() => mkdir(shots, { recursive: true }));

const CLAIM_FIGURES = ["calibration", "gradients", "confusion"];
const FITS = ["ce", "focal", "smoothed", "balanced"];

async function readAll(page, names) {
  const out = {};
  for (const name of names) out[name] = await readout(page, name);
  return out;
}

test("the imbalanced set at seed 1: every figure drawn, every number in place", async () => {
  const { page, log } = await open(site.browser, `${site.base}?data=imbalanced&seed=1`, { dpr: 2 });
  const ink = await canvasInk(page);
  for (const name of ["points", "fit", "green-bars", "point-losses", ...CLAIM_FIGURES]) {
    const fig = ink.find((f) => f.name === name);
    assert.ok(fig?.visible && fig.ink > 0.005, `${name} is drawn`);
  }
  assert.equal(await readout(page, "data-summary"), "400 points: 280 for training (14 green), 120 held out (6 green).");
  // The values the core computes for this set (tests/page.rs holds the same fits).
  assert.equal(await readout(page, "ece-ce"), "0.0386");
  assert.equal(await readout(page, "minority-recall-ce"), "17%");
  assert.equal(await readout(page, "minority-recall-balanced"), "83%");
  for (const fit of FITS) {
    for (const metric of ["ece", "brier", "nll", "minority-recall", "pull-share"]) {
      assert.match(await readout(page, `${metric}-${fit}`), /^\d/, `${metric}-${fit} is a number`);
    }
  }
  assert.match(await readout(page, "confusion-verdict"), /^Of the 6 green points judged/);
  await page.screenshot(`${shots}/claims-imbalanced.png`, { fullPage: true });
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("γ moves the focal fit's numbers and nothing of the cross-entropy fit", async () => {
  // With class balancing on (Keras' α = 0.25), γ also moves the recall.
  const { page, log } = await open(site.browser, `${site.base}?data=imbalanced&seed=1&balance=1&gamma=0`);
  const names = FITS.flatMap((f) => ["ece", "brier", "nll", "minority-recall", "pull-share"].map((m) => `${m}-${f}`));
  const before = await readAll(page, names);
  await setControl(page, "gamma", 2);
  const after = await readAll(page, names);
  for (const name of ["ece-focal", "pull-share-focal", "minority-recall-focal"]) {
    assert.notEqual(after[name], before[name], `${name} moves with γ`);
  }
  for (const name of names.filter((n) => !n.endsWith("-focal"))) {
    assert.equal(after[name], before[name], `${name} stays`);
  }
  // Both γ sliders show the value taken.
  const sliders = await page.evaluate(() => [...document.querySelectorAll('[data-control="gamma"]')].map((s) => s.value));
  assert.deepEqual(sliders, ["2", "2"]);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("threshold, bins, a new seed and another data set", async () => {
  const { page, log } = await open(site.browser, `${site.base}?data=imbalanced&seed=1`);
  await setControl(page, "threshold", 0.1);
  assert.notEqual(await readout(page, "minority-recall-ce"), "17%", "a lower threshold finds more green points");
  assert.equal(await readout(page, "threshold-value"), "0.10");
  const ece10 = await readout(page, "ece-ce");
  await setControl(page, "bins", 5);
  assert.equal(await readout(page, "bins-value"), "5");
  assert.notEqual(await readout(page, "ece-ce"), ece10, "coarser bins, another ECE");
  await page.click('[data-action="new-seed"]');
  await settle(page);
  assert.match(await page.url(), /seed=2/);
  assert.equal(await page.evaluate(() => document.querySelector('[data-control="seed"]').value), "2");
  await page.select('[data-control="data"]', "overlap");
  await settle(page);
  assert.match(await readout(page, "data-summary"), /^200 points: 140 for training/);
  assert.match(await page.url(), /data=overlap/);
  // The points text box shows the set, held-out points marked.
  const csv = await page.evaluate(() => document.querySelector('[data-control="points-csv"]').value);
  assert.equal(csv.split("\n")[0], "x,label,held_out");
  assert.equal(csv.trim().split("\n").length, 201);
  await page.click('[data-action="reset-points"]');
  await settle(page);
  assert.equal(await readout(page, "bce"), "0.3329", "back to the article's fit");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("on the article's ten points every fit is judged on all of them", async () => {
  const { page, log } = await open(site.browser, site.base);
  assert.match(await readout(page, "data-summary"), /^10 points, all for training/);
  // At γ = 2 and ε = 0 the text says the smoothed fit is the cross-entropy one.
  assert.match(await readout(page, "calibration-verdict"), /At ε = 0 the smoothed fit is the cross-entropy fit/);
  assert.equal(await readout(page, "ece-smoothed"), await readout(page, "ece-ce"));
  await setControl(page, "smoothing", 0.2);
  assert.match(await readout(page, "calibration-verdict"), /Smoothing \(ε = 0\.20\)/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("in Chinese: the section, its verdicts and figures", async () => {
  const { page, log } = await open(site.browser, `${site.base}?data=imbalanced&seed=1&lang=zh`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  assert.equal(await readout(page, "data-summary"), "400 个点：280 个用于训练（14 个绿点），120 个留出（6 个绿点）。");
  const verdicts = [];
  for (const name of ["calibration-verdict", "gradients-verdict", "confusion-verdict"]) verdicts.push(await readout(page, name));
  for (const v of verdicts) {
    assert.match(v, /[\u4e00-\u9fff]/, "in Chinese");
    assert.doesNotMatch(v.replaceAll("focal loss", ""), /[a-z]{4,} [a-z]{4,}/, "no English sentence left");
  }
  const ink = await canvasInk(page);
  for (const name of CLAIM_FIGURES) assert.ok(ink.find((f) => f.name === name)?.ink > 0.005, `${name} is drawn`);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("an embed of the calibration figure with its controls", async () => {
  const { page, log } = await open(site.browser, `${site.base}?data=noisy&embed=calibration&controls=1`);
  const ink = await canvasInk(page);
  assert.ok(ink.find((f) => f.name === "calibration")?.ink > 0.005);
  assert.equal(await page.count('[data-control="bins"]', { visible: true }), 1);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the scorecard sits whole in a 540 px column, and scrolls in its own box on a phone", async () => {
  for (const query of ["", "&lang=zh"]) {
    for (const [width, whole] of [[540, true], [360, false]]) {
      const { page, log } = await open(site.browser, `${site.base}?embed=confusion${query}`, { width, height: 900, dpr: 2 });
      const box = await page.evaluate(() => {
        const card = document.querySelector(".scorecard");
        return { scroll: card.scrollWidth, client: card.clientWidth, overflow: getComputedStyle(card).overflowX };
      });
      const where = `${query ? "Chinese" : "English"} at ${width} px: the table ${box.scroll} px in ${box.client}`;
      assert.equal(whole, box.scroll <= box.client + 1, where);
      assert.equal(box.overflow, "auto", where);
      if (!whole) {
        await page.evaluate(() => document.querySelector(".scorecard").scrollIntoView({ block: "center", behavior: "instant" }));
        await page.screenshot(`${shots}/claims-scorecard-${width}${query ? "-zh" : ""}.png`);
      }
      assert.deepEqual(log.errors, []);
      await page.close();
    }
  }
});
