// Lesson links on the built page: show= hides the other sections, lock=
// switches controls off and says so, ask= opens a question on arrival; the
// "Make a lesson link" dialog builds such a link, keeps the focus inside,
// closes on Escape — in English and in Chinese.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedSite, lacks } from "../lib/harness.js";
import { open, readout, settle } from "../lib/browser.js";

const site = servedSite();

function sections(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll("main > section")].map((s) => [s.id, !s.hidden])));
}

test("a lesson link shows its sections, locks its controls and asks its question, in Chinese", async () => {
  const { page, log } = await open(site.browser, `${site.base}?show=focal&lock=gamma,points-csv&ask=focal-share&gamma=1&lang=zh`);
  const shown = await sections(page);
  assert.deepEqual(Object.entries(shown).filter(([, on]) => on).map(([id]) => id), ["focal"]);
  // Every γ slider (there are two) is off and says why; the sections' others are not.
  const gamma = await page.evaluate(() => [...document.querySelectorAll('[data-control="gamma"]')].map((el) => [el.disabled, el.closest("label").querySelector(".locked-note")?.textContent]));
  assert.deepEqual(gamma, [[true, "已被链接锁定"], [true, "已被链接锁定"]]);
  assert.equal(await page.evaluate(() => document.querySelector('[data-control="class-balancing"]').disabled), false, "a control the link does not lock stays on");
  assert.equal(await readout(page, "gamma-value"), "1.0");
  // The asked question has the focus, in view.
  const asked = await page.evaluate(() => {
    const card = document.querySelector('[data-question="focal-share"]');
    const r = card.getBoundingClientRect();
    return [document.activeElement === card, r.top > -1 && r.top < innerHeight];
  });
  assert.deepEqual(asked, [true, true]);
  // Locked points: the data section's controls are off too.
  assert.deepEqual(
    await page.evaluate(() => ["points-csv", "data"].map((c) => document.querySelector(`[data-control="${c}"]`).disabled)),
    [true, true],
  );
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a lesson link's unknown words are ignored with a notice", async () => {
  const { page, log } = await open(site.browser, `${site.base}?show=focal,nowhere&lock=volume&ask=meaning`);
  const notices = await page.evaluate(() => [...document.querySelectorAll("#notices li")].map((li) => li.textContent.replace(/\u00a0/g, " ")));
  assert.deepEqual(notices, [
    'show: there is no section named "nowhere"; it was ignored.',
    'lock: there is no control named "volume"; it was ignored.',
    'ask: there is no question named "meaning"; it was ignored.',
  ]);
  assert.equal((await sections(page)).focal, true);
  assert.equal((await sections(page)).bce, false);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the lesson dialog builds the link, keeps the focus inside and closes on Escape", async () => {
  const { page, log } = await open(site.browser, `${site.base}?gamma=3`);
  await page.click('[data-action="lesson"]');
  await settle(page);
  const state = () => page.evaluate(() => {
    const dialog = document.getElementById("lesson");
    return { open: dialog.open, inside: dialog.contains(document.activeElement), link: dialog.querySelector("[data-lesson-link]").value };
  });
  assert.deepEqual(await state(), { open: true, inside: true, link: `${site.base}?gamma=3` });
  assert.equal(await page.evaluate(() => document.getElementById(document.getElementById("lesson").getAttribute("aria-labelledby")).textContent), "Make a lesson link");
  for (const section of ["intro", "bce", "keras", "cce", "softmax", "claims", "article-notes", "data"]) await page.click(`[data-lesson-show="${section}"]`);
  await page.click('[data-lesson-lock="gamma"]');
  await page.select("[data-lesson-ask]", "focal-shift");
  await settle(page);
  const link = `${site.base}?show=focal,smoothing&lock=gamma&ask=focal-shift&gamma=3`;
  assert.equal((await state()).link, link);
  // Tab from the last element comes back to the first, shift-Tab from the first goes to the last.
  await page.focus('[data-action="lesson-close"]');
  await page.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.lessonShow), "intro");
  await page.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), "lesson-close");
  for (let i = 0; i < 30; i++) {
    await page.press("Tab");
    assert.ok((await state()).inside, `the focus stays in the dialog (Tab ${i + 1})`);
  }
  if (!lacks(site, "clipboard")) {
    await page.grantClipboard();
    await page.click('[data-action="lesson-copy"]');
    assert.equal(await page.clipboardText(), link);
  }
  await page.press("Escape");
  await settle(page);
  assert.deepEqual(await page.evaluate(() => [document.getElementById("lesson").open, document.activeElement.dataset.action]), [false, "lesson"]);
  assert.match(await page.url(), /\?gamma=3$/, "the dialog changed no view of its own");
  // The link opens the lesson it describes.
  const lesson = await open(site.browser, link);
  assert.deepEqual(Object.entries(await sections(lesson.page)).filter(([, on]) => on).map(([id]) => id), ["focal", "smoothing"]);
  assert.equal(await lesson.page.evaluate(() => document.activeElement.dataset.question), "focal-shift");
  assert.deepEqual([...log.errors, ...lesson.log.errors], []);
  await lesson.page.close();
  await page.close();
});

test("the lesson dialog in Chinese, and a link without a section makes nothing to copy", async () => {
  const { page, log } = await open(site.browser, `${site.base}?lang=zh`);
  await page.click('[data-action="lesson"]');
  await settle(page);
  const words = await page.evaluate(() => {
    const dialog = document.getElementById("lesson");
    return [dialog.querySelector("h2").textContent, dialog.querySelector("legend").textContent, dialog.querySelector('[data-lesson-lock="gamma"]').nextElementSibling.textContent];
  });
  assert.deepEqual(words, ["生成课堂链接", "显示这些部分", "γ（聚焦参数）"]);
  for (const s of ["intro", "bce", "keras", "cce", "softmax", "focal", "smoothing", "claims", "article-notes", "data"]) await page.click(`[data-lesson-show="${s}"]`);
  await settle(page);
  const empty = await page.evaluate(() => [document.querySelector("[data-lesson-link]").value, document.querySelector("[data-lesson-empty]").hidden, document.querySelector('[data-action="lesson-copy"]').disabled, document.querySelector("[data-lesson-empty]").textContent]);
  assert.deepEqual(empty, ["", false, true, "请至少选择一个部分。"]);
  await page.click('[data-action="lesson-close"]');
  assert.equal(await page.evaluate(() => document.getElementById("lesson").open), false);
  assert.deepEqual(log.errors, []);
  await page.close();
});
