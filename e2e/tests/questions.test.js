// The questions on the built page: answered by picking a point or by a
// choice, judged against the page as it is (flip a point and the answer
// changes), skippable, their progress kept in localStorage when the browser
// keeps any — in English and in Chinese.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedSite } from "../lib/harness.js";
import { open, readout, settle } from "../lib/browser.js";

const site = servedSite();

const card = (key) => `[data-question="${key}"]`;

async function status(page, key) {
  return page.evaluate((s) => document.querySelector(s).dataset.status, card(key));
}

async function feedback(page, key) {
  return page.evaluate((s) => document.querySelector(`${s} .q-feedback`).textContent.replace(/\u00a0/g, " "), card(key));
}

/// Where on the points strip the point at `x` (as its tooltip writes it) sits.
async function pointAt(page, x) {
  await page.scrollIntoView('canvas[data-figure="points"]');
  const box = await page.box('canvas[data-figure="points"]');
  for (let i = 0; i <= 160; i++) {
    const at = { x: box.x + (box.width * i) / 160, y: box.y + box.height / 2 };
    await page.mouse.move(at.x, at.y);
    if ((await page.visible("#tooltip")) && (await page.text("#tooltip")).startsWith(`x = ${x}\n`)) return at;
  }
  throw new Error(`no point at x = ${x}`);
}

test("a question answered by picking a point: the click answers, flips nothing, and the answer shows", async () => {
  const { page, log } = await open(site.browser, site.base);
  assert.equal(await status(page, "largest-loss"), "open");
  await page.click(`${card("largest-loss")} [data-q="pick"]`);
  assert.ok(await page.visible(`${card("largest-loss")} .q-hint`), "the card says how to pick");
  const at = await pointAt(page, "0.20");
  await page.mouse.click(at.x, at.y);
  await settle(page);
  assert.equal(await status(page, "largest-loss"), "right");
  assert.match(await feedback(page, "largest-loss"), /^Right\. The point at x = 0\.20 \(red\) has the largest loss, 1\.\d{4}: its true class gets p_t = 0\.\d{4}\./);
  assert.equal(await readout(page, "bce"), "0.3329", "the click picked the point; it did not flip it");
  assert.equal(await page.evaluate(() => localStorage.getItem("losslab.questions")), "largest-loss=1");
  // Without a question waiting, the same click flips the point: the fit
  // moves, and the answer given is judged against the new model.
  await page.mouse.click(at.x, at.y);
  await settle(page);
  assert.notEqual(await readout(page, "bce"), "0.3329");
  assert.equal(await status(page, "largest-loss"), "wrong");
  assert.match(await feedback(page, "largest-loss"), /The point at x = −1\.40 \(red\) has the largest loss/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a choice is judged live: flip a point and the count of misclassified points changes", async () => {
  const { page, log } = await open(site.browser, site.base);
  await page.click(`${card("misclassified")} [data-answer="2"]`);
  await settle(page);
  assert.equal(await status(page, "misclassified"), "right");
  assert.match(await feedback(page, "misclassified"), /^Right\. 2: the true class gets less than ½ at x = −0\.80 \(p_t = 0\.4\d\), x = 0\.20 \(p_t = 0\.\d\d\)\.$/);
  const marks = await page.evaluate((s) => [...document.querySelectorAll(`${s} [data-answer]`)].map((b) => `${b.dataset.answer}:${b.dataset.mark}:${b.getAttribute("aria-pressed")}`), card("misclassified"));
  assert.deepEqual(marks, ["0::false", "1::false", "2:right:true", "3::false", "4::false"]);
  // Flip the red point at x = 0.2 (green now): the refitted sigmoid gets none wrong.
  const at = await pointAt(page, "0.20");
  await page.mouse.click(at.x, at.y);
  await settle(page);
  assert.equal(await status(page, "misclassified"), "wrong");
  assert.equal(await feedback(page, "misclassified"), "Not quite. None: every point's true class gets at least ½.");
  // Skip, then answer again.
  await page.click(`${card("gap-classes")} [data-q="skip"]`);
  assert.equal(await status(page, "gap-classes"), "skipped");
  assert.match(await feedback(page, "gap-classes"), /^Skipped\./);
  await page.click(`${card("gap-classes")} [data-q="retry"]`);
  assert.equal(await status(page, "gap-classes"), "open");
  await page.click(`${card("gap-classes")} [data-answer="larger"]`);
  assert.equal(await status(page, "gap-classes"), "right");
  assert.match(await feedback(page, "gap-classes"), /it is 3\.8286 for K = 5 and 3\.3322 for K = 3/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("progress survives a reload, and a browser that keeps nothing loses only the progress", async () => {
  const { page, log } = await open(site.browser, site.base);
  await page.click(`${card("penalty")} [data-answer="down"]`);
  await page.click(`${card("keras-print")} [data-answer="11.522857"]`);
  assert.equal(await page.evaluate(() => localStorage.getItem("losslab.questions")), "penalty=1,keras-print=1");
  await page.goto(site.base);
  // The built page already holds the numbers and cards: wait for the module's own word on earlier visits.
  await page.waitFor((s) => document.querySelector(`${s} .q-before`)?.textContent !== "", card("penalty"));
  await settle(page);
  const before = await page.evaluate((s) => document.querySelector(`${s} .q-before`).textContent, card("penalty"));
  assert.equal(before, "answered right before");
  assert.equal(await status(page, "penalty"), "open", "answered before, open to answer again");
  // Storage gone (blocked, or throwing): answering still works.
  await page.evaluate(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await page.click(`${card("smoothed-target")} [data-answer="0.92"]`);
  assert.equal(await status(page, "smoothed-target"), "right");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the questions in Chinese: the same numbers, Chinese words and punctuation", async () => {
  const { page, log } = await open(site.browser, `${site.base}?lang=zh`);
  const prompt = await page.evaluate((s) => document.querySelector(`${s} .q-prompt`).textContent.replace(/\u00a0/g, " "), card("focal-share"));
  assert.match(prompt, /^γ = 2\.0 时，x = 0\.20 的点（红）占 focal loss 总量的 \d+\.\d%。γ = 5 时，它的份额会变大、变小还是不变？$/);
  await page.click(`${card("focal-share")} [data-answer="grows"]`);
  await settle(page);
  assert.equal(await status(page, "focal-share"), "right");
  const text = await feedback(page, "focal-share");
  assert.match(text, /^答对了。γ = 5 时它的份额为 \d+\.\d%（γ = 2\.0 时为 \d+\.\d%）；它的真实类别概率 p_t = 0\.\d{4}。/);
  assert.ok(!/[,;:!?()]/.test(text), `full-width punctuation only: ${text}`);
  await page.click(`${card("largest-loss")} [data-q="pick"]`);
  const hint = await page.evaluate((s) => document.querySelector(`${s} .q-hint`).textContent, card("largest-loss"));
  assert.match(hint, /Enter/);
  assert.match(hint, /[\u4e00-\u9fff]/);
  // The keyboard picks too: focus the points, let go of the point the last
  // answer chose, choose the fourth point, Enter.
  await page.focus('canvas[data-figure="points"]');
  await page.press("Escape");
  for (let i = 0; i < 4; i++) await page.press("ArrowDown");
  await page.press("Enter");
  await settle(page);
  assert.equal(await status(page, "largest-loss"), "right");
  assert.match(await feedback(page, "largest-loss"), /^答对了。x = 0\.20 的点（红）损失最大/);
  assert.equal(await readout(page, "bce"), "0.3329");
  assert.deepEqual(log.errors, []);
  await page.close();
});
