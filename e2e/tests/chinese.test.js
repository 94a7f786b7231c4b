// The Chinese page: every string of the table shows in Chinese; no English
// UI string is left on it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { servedSite, root, shots } from "../lib/harness.js";
import { open, canvasInk, settle } from "../lib/browser.js";


/// The (key, English, Chinese) entries of the page's words.
async function stringTable() {
  const read = async (lang) => JSON.parse(await readFile(`${root}assets/i18n/${lang}.json`, "utf8"));
  const [en, zh] = [await read("en"), await read("zh")];
  return Object.keys(en).map((key) => ({ key, en: en[key], zh: zh[key] }));
}

const site = servedSite();

test("the Chinese page has no English UI string", async () => {
  const table = await stringTable();
  assert.ok(table.length > 100, `read ${table.length} strings`);
  const { page, log } = await open(site.browser, `${site.base}?lang=zh`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  const text = await page.evaluate(() => document.body.innerText + "\n" +
    [...document.querySelectorAll("[aria-label],[placeholder]")].map((e) => (e.getAttribute("aria-label") ?? "") + " " + (e.getAttribute("placeholder") ?? "")).join("\n"));
  // English the Chinese table itself keeps on purpose (API names such as
  // apply_class_balancing, the term "focal loss") is not a leftover.
  const keptInChinese = (en) => table.some(({ zh }) => zh.includes(en));
  const leftovers = table
    .filter(({ en, zh }) => en !== zh && en.length >= 4 && /[a-z]{3}/i.test(en) && !en.includes("{") && !keptInChinese(en))
    .filter(({ en }) => text.includes(en))
    .map(({ key, en }) => `${key}: ${en}`);
  assert.deepEqual(leftovers, []);
  for (const fig of await canvasInk(page)) assert.ok(fig.ink > 0.005, `${fig.name} drawn in Chinese`);
  await mkdir(shots, { recursive: true });
  await page.screenshot(`${shots}/page-zh.png`, { fullPage: true });
  assert.deepEqual(log.errors, []);
  await page.close();
});

/// The words the figures near the viewport draw when every figure is
/// drawn again: a canvas is handed its words only when they changed, and
/// reuses them otherwise.
function drawnWords(page) {
  return page.evaluate(() => {
    const words = [];
    const proto = CanvasRenderingContext2D.prototype;
    const fillText = proto.fillText;
    proto.fillText = function (text, ...rest) {
      words.push(text);
      return fillText.call(this, text, ...rest);
    };
    try {
      window.losslab.redraw_all_now();
    } finally {
      proto.fillText = fillText;
    }
    return words;
  });
}

const CJK = /[\u2e80-\u9fff]/;

test("the language switch changes every string and back", async () => {
  const { page, log } = await open(site.browser, site.base);
  const title = () => page.text("#bce-title");
  const english = await title();
  const englishWords = await drawnWords(page);
  assert.ok(englishWords.length > 0, "the figures near the top draw words");
  assert.deepEqual(englishWords.filter((w) => CJK.test(w)), []);
  await page.select('[data-control="lang"]', "zh");
  // The Chinese words are fetched on the first switch.
  await page.waitFor((before) => document.querySelector("#bce-title").textContent !== before, english);
  await settle(page);
  // Drawn again in the same language, the figures keep their Chinese words.
  assert.ok((await drawnWords(page)).some((w) => CJK.test(w)), "the figures draw Chinese words");
  // The address is the Chinese page's own (zh/), so that a link copied now
  // opens it without a detour through the English page.
  const chinese = new URL(await page.url());
  assert.equal(chinese.searchParams.get("lang"), "zh");
  assert.equal(chinese.pathname, `${new URL(site.base).pathname}zh/`);
  await page.select('[data-control="lang"]', "en");
  assert.equal(await title(), english);
  await settle(page);
  assert.deepEqual((await drawnWords(page)).filter((w) => CJK.test(w)), [], "no Chinese word left on a canvas");
  // A switch back this soon repeats the change of one control (its key,
  // `lang`): its address takes its turn, at most 150 ms.
  const englishPath = new URL(site.base).pathname;
  await page.waitFor((path) => location.pathname === path, englishPath, { timeout: 2000 }).catch(() => {});
  assert.equal(new URL(await page.url()).pathname, englishPath, "back in the English page's folder");
  assert.deepEqual(log.errors, []);
  await page.close();
});
