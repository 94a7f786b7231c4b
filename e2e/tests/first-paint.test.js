// The page before its module: the built index.html holds the whole article
// and a still picture of every figure, in the boxes the canvases take. With
// JavaScript off, or the module missing, or WebAssembly refused by the
// page's policy, the article stays and one line in the reader's language
// says what is missing; once the module runs, nothing has moved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { servedSite, root, lacks } from "../lib/harness.js";
import { serve } from "../lib/server.js";
import { open, canvasInk, settle } from "../lib/browser.js";
import { FIGURES } from "../lib/figures.js";

const site = servedSite();
const words = async (lang) => JSON.parse(await readFile(`${root}assets/i18n/${lang}.json`, "utf8"));
const servers = {};

before(async () => {
  // A host that lacks the module's files, and one whose policy refuses WebAssembly.
  servers.missing = await serve(`${root}dist`, { refuse: /^losslab(_bg\.wasm|\.js)$/ });
  servers.strict = await serve(`${root}dist`, { csp: "default-src 'self'; script-src 'self'" });
  // A host that lacks the style sheet: as a reader who turned the page's style off sees it.
  servers.unstyled = await serve(`${root}dist`, { refuse: /^style\.css$/ });
});
after(() => {
  for (const { server } of Object.values(servers)) server.close();
});

/// What a reader sees without the module: the headings, each figure's slot
/// (its still, loaded, and its box), and the page's one notice.
async function staticPage(page) {
  return page.evaluate(async () => {
    const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const slots = [];
    for (const slot of document.querySelectorAll("[data-slot]")) {
      const img = slot.querySelector(".still img");
      if (img) {
        img.scrollIntoView({ block: "center", behavior: "instant" });
        for (let i = 0; i < 100 && !(img.complete && img.naturalWidth > 0); i++) await new Promise((r) => setTimeout(r, 20));
      }
      const box = slot.querySelector(".canvas-box")?.getBoundingClientRect();
      const pic = img?.getBoundingClientRect();
      slots.push({
        name: slot.dataset.slot,
        loaded: Boolean(img?.complete && img.naturalWidth > 0),
        alt: img?.alt ?? "",
        box: box && [box.width, box.height],
        img: pic && [pic.width, pic.height],
        canvases: slot.querySelectorAll("canvas").length,
      });
    }
    scrollTo(0, 0);
    const notices = [...document.querySelectorAll(".boot-status, .boot-status p")].filter((el) => el.tagName === "P" && shown(el));
    return {
      lang: document.documentElement.lang,
      title: document.title,
      headings: [...document.querySelectorAll("h1, h2")].filter(shown).map((h) => h.textContent.trim()),
      bce: document.querySelector('[data-readout="bce"]')?.textContent,
      slots,
      notices: notices.map((p) => p.textContent.trim()),
    };
  });
}

function assertWhole(seen, en, what) {
  assert.deepEqual(seen.slots.map((s) => s.name), FIGURES, `${what}: a slot per figure`);
  for (const slot of seen.slots) {
    assert.ok(slot.loaded, `${what}: ${slot.name}'s still is shown`);
    assert.equal(slot.canvases, 0, `${what}: ${slot.name} has no canvas`);
    assert.ok(slot.alt.length > 3, `${what}: ${slot.name}'s still has its title as alt`);
    assert.ok(Math.abs(slot.img[0] - slot.box[0]) < 1 && Math.abs(slot.img[1] - slot.box[1]) < 1, `${what}: ${slot.name}'s still fills its box`);
  }
  assert.ok(seen.headings.length >= 8, `${what}: the article's headings (${seen.headings.length})`);
  assert.ok(seen.headings.includes(en["bce.title"]), `${what}: ${seen.headings}`);
  assert.equal(seen.bce, "0.3329", `${what}: the article's numbers`);
  assert.equal(seen.notices.length, 1, `${what}: one notice: ${seen.notices}`);
}

test("with JavaScript off the article and every figure's still are there, and a notice says why they do not move", async (t) => {
  const why = lacks(site, "noScript");
  if (why) return t.skip(why);
  const en = await words("en");
  const { page, log } = await open(site.browser, site.base, { javascript: false });
  const seen = await staticPage(page);
  assertWhole(seen, en, "JavaScript off");
  assert.equal(seen.notices[0], en["boot.no-script"]);
  assert.deepEqual(log.foreign, []);
  await page.close();
});

test("without its module the page keeps its article and says in the reader's language what is missing", async () => {
  const [en, zh] = [await words("en"), await words("zh")];
  for (const [query, table, lang] of [["", en, "en"], ["?lang=zh", zh, "zh-CN"]]) {
    const { page, log } = await open(site.browser, servers.missing.url + query, { live: false });
    await page.waitFor(() => !document.getElementById("boot-status")?.hidden, null, { timeout: 20000 });
    const seen = await staticPage(page);
    assert.equal(seen.lang, lang);
    assert.equal(seen.title, table["page.title"]);
    assertWhole(seen, table, `module missing ${query}`);
    const [before, after] = table["boot.missing"].split("{what}");
    assert.ok(seen.notices[0].startsWith(before) && seen.notices[0].endsWith(after), seen.notices[0]);
    assert.match(seen.notices[0], /[（(]losslab(_bg\.wasm|\.js)[）)]/, "it names the missing file");
    assert.doesNotMatch(seen.notices[0], /http|Failed/, "and says nothing else of the browser's");
    // The reader's errors are the page's: nothing failed but what was missing.
    assert.ok(log.errors.every((e) => /losslab|404|Failed to load|could not start|NetworkError|import/i.test(e)), log.errors.join("\n"));
    await page.close();
  }
});

test("a policy without 'wasm-unsafe-eval' keeps the article and says so", async () => {
  const en = await words("en");
  const { page } = await open(site.browser, servers.strict.url, { live: false });
  await page.waitFor(() => !document.getElementById("boot-status")?.hidden, null, { timeout: 20000 });
  const seen = await staticPage(page);
  assertWhole(seen, en, "WebAssembly refused");
  assert.equal(seen.notices[0], en["boot.blocked"]);
  await page.close();
});

test("without its style sheet each figure is drawn as wide as its box, and stays so", async () => {
  // A canvas no style sheet sizes is as wide as its backing store, which a
  // drawing at a pixel ratio of 2 would double, frame after frame.
  const { page, log } = await open(site.browser, servers.unstyled.url, { width: 900, height: 800, dpr: 2 });
  const drawn = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("canvas[data-figure]")]
        .filter((c) => !c.closest(".canvas-box")?.querySelector(".still"))
        .map((c) => ({ name: c.dataset.figure, width: c.width, css: c.clientWidth, box: c.parentElement.clientWidth })));
  const first = await drawn();
  assert.ok(first.length > 0, "the figures on the screen are drawn");
  for (const { name, width, css, box } of first) {
    assert.ok(box > 300 && Math.abs(css - box) <= 1, `${name} is as wide as its box: ${css} of ${box} px`);
    assert.ok(Math.abs(width - 2 * css) <= 2, `${name} is drawn at the pixel ratio: ${width} pixels for ${css} px`);
  }
  for (let i = 0; i < 10; i++) await settle(page);
  assert.deepEqual(await drawn(), first, "ten frames later no figure has grown");
  assert.ok(log.errors.every((e) => /style\.css|404|Failed to load/i.test(e)), log.errors.join("\n"));
  await page.close();
});

/// Each figure box's place below the article's top, and its size.
const layout = (page) =>
  page.evaluate(() => {
    const top = document.querySelector("main").getBoundingClientRect().top;
    return [...document.querySelectorAll("[data-slot] .canvas-box, main h2")].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.closest("[data-slot]")?.dataset.slot ?? el.textContent.trim(), Math.round(r.top - top), Math.round(r.width), Math.round(r.height)];
    });
  });

test("when the module takes over nothing moves: the canvases take the stills' boxes", async (t) => {
  for (const options of [{}, { width: 360, height: 740, dpr: 2 }, { colorScheme: "dark" }]) {
    // One page, its module held back until its layout with the stills is
    // read. (Two loads of the page are not compared: an engine may lay out
    // the same formula a pixel taller in one load than in another.)
    const late = await serve(`${root}dist`, { hold: /^losslab_bg\.wasm$/ });
    // Released and closed however the test ends: a server left open, or a
    // request left held, would keep the run alive.
    t.after(() => {
      late.release();
      late.server.closeAllConnections();
      late.server.close();
    });
    const { page, log } = await open(site.browser, late.url, { ...options, live: false });
    await page.waitFor(() => document.readyState === "complete", null, { timeout: 20000 });
    const before = await layout(page);
    assert.equal(await page.evaluate(() => document.querySelectorAll("canvas[data-figure]").length), 0, "the module is held back");
    // The page's language is already the reader's: the module does not set
    // it again (doing so restyles every element, for the `:lang` rules).
    // Nor does it write its words again: they are written in already.
    await page.evaluate(() => {
      window.langWrites = 0;
      new MutationObserver((records) => (window.langWrites += records.length)).observe(document.documentElement, { attributeFilter: ["lang"], subtree: true });
      window.wordWrites = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          if (el?.hasAttribute("data-i18n")) window.wordWrites.push(el.dataset.i18n);
        }
      }).observe(document.body, { childList: true, characterData: true, subtree: true });
    });
    const released = await page.evaluate(() => performance.now());
    late.release();
    await page.waitFor(() => document.querySelectorAll("canvas[data-figure]").length > 0, null, { timeout: 20000 });
    // Every figure drawn (each scrolled to), then the layout read again.
    for (const fig of await canvasInk(page)) assert.ok(fig.ink > 0.005, `${fig.name} drawn (${JSON.stringify(options)}): ${JSON.stringify(fig)}`);
    assert.equal(await page.evaluate(() => window.langWrites), 0, "lang written again");
    assert.deepEqual(await page.evaluate(() => window.wordWrites), [], "words written again");
    // The same boxes in the same places, to within rounding.
    const after = await layout(page);
    assert.deepEqual(after.map(([name]) => name), before.map(([name]) => name));
    for (let i = 0; i < after.length; i++) {
      const moved = after[i].slice(1).map((v, j) => Math.abs(v - before[i][j + 1]));
      assert.ok(Math.max(...moved) <= 1, `${after[i][0]} moved: ${before[i]} → ${after[i]} (${JSON.stringify(options)})`);
    }
    // Where the engine measures layout shift, it saw none as the module
    // took over, and no more than the budget's 0.02 while the page loaded
    // (a busy machine may lay out a row of the article while the parser
    // has half of it). Each shift is named by what moved.
    const shifts = await page.evaluate(
      () =>
        new Promise((resolve) => {
          if (!PerformanceObserver.supportedEntryTypes?.includes("layout-shift")) return resolve(null);
          const seen = (list) =>
            list.getEntries().filter((e) => !e.hadRecentInput).map((e) => ({
              at: e.startTime,
              value: e.value,
              moved: e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className ?? ""}`),
            }));
          new PerformanceObserver((list) => resolve(seen(list))).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve([]), 1000);
        }),
    );
    if (shifts !== null) {
      const sum = (xs) => xs.reduce((total, e) => total + e.value, 0);
      const takeover = shifts.filter((e) => e.at >= released);
      const loading = shifts.filter((e) => e.at < released);
      assert.ok(sum(takeover) < 0.005, `layout shift as the module took over: ${JSON.stringify(takeover)}`);
      assert.ok(sum(loading) <= 0.02, `layout shift while the page loaded: ${JSON.stringify(loading)}`);
    }
    assert.deepEqual(log.errors, []);
    await page.close();
  }
});

test("a link in Chinese opens the Chinese page, written in Chinese before any script runs", async () => {
  const zh = await words("zh");
  const html = await (await fetch(`${site.base}zh/`)).text();
  assert.match(html, /<html lang="zh-CN">/);
  assert.ok(html.includes(`<title>${zh["page.title"]}</title>`));
  assert.ok(html.includes(zh["bce.title"]), "the article is written in Chinese");
  const { page, log } = await open(site.browser, `${site.base}?lang=zh&gamma=3`);
  const opened = new URL(await page.url());
  assert.match(opened.pathname, /\/zh\/$/, "the Chinese page");
  assert.equal(opened.searchParams.get("gamma"), "3", "the link's settings come along");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  assert.equal(await page.text('[data-readout="gamma-value"]'), "3.0");
  // Back to English: the English page, same settings.
  await page.select('[data-control="lang"]', "en");
  await page.waitFor(() => document.documentElement.lang === "en" && !location.search.includes("lang=zh"), null, { timeout: 20000 });
  assert.equal(await page.text('[data-readout="gamma-value"]'), "3.0");
  assert.deepEqual(log.errors, []);
  await page.close();
});

/// head.js picks the page before anything is shown; the module reads the
/// same link again. Were they to read a link's language apart, the module
/// would rewrite the page it was sent to.
test("head.js and the module read every link's language alike", async () => {
  const base = new URL(site.base).pathname;
  const links = [
    ["?lang=ZH", "zh"], ["?lang=%20zh%20", "zh"], ["?%6Cang=zh", "zh"], ["?lang=en&lang=zh", "zh"],
    ["?lang=fr", "en"], ["?lang=zh%", "en"], ["?LANG=zh", "en"], ["?lang=zh&lang", "en"],
    ["zh/?lang=EN", "en"], ["zh/?lang=fr", "zh"], ["zh/?lang=", "zh"], ["zh/?lang=zh&lang=en", "en"], ["zh/", "zh"],
  ];
  for (const [link, lang] of links) {
    const { page, log } = await open(site.browser, `${site.base}${link}`);
    // The page head.js settled on (the document's own address), the one the
    // module shows (its address now, its language and its language control).
    const seen = await page.evaluate(() => [
      new URL(performance.getEntriesByType("navigation")[0].name).pathname,
      location.pathname,
      document.documentElement.lang,
      document.querySelector('[data-control="lang"]').value,
    ]);
    const folder = lang === "zh" ? `${base}zh/` : base;
    assert.deepEqual(seen, [folder, folder, lang === "zh" ? "zh-CN" : "en", lang], link);
    assert.deepEqual(log.errors, [], link);
    await page.close();
  }
});

test("the Chinese page's address without a language stays Chinese, there and back in history", async () => {
  const zh = await words("zh");
  const { page, log } = await open(site.browser, `${site.base}zh/?gamma=3`);
  const chinese = () => page.evaluate(() => [location.pathname, document.documentElement.lang, document.title]);
  const [path, lang, title] = await chinese();
  assert.equal(path, `${new URL(site.base).pathname}zh/`, "not sent to the English page");
  assert.deepEqual([lang, title], ["zh-CN", zh["page.title"]]);
  assert.equal(await page.text('[data-readout="gamma-value"]'), "3.0");
  // The page writes its language into its address; a step in history can
  // still land on one without (the link as it was opened): written so here.
  // To English with the page's control, then back a step: Chinese again.
  assert.equal(await page.evaluate(() => location.search), "?gamma=3&lang=zh");
  await page.evaluate(() => history.replaceState(null, "", "?gamma=3"));
  await page.select('[data-control="lang"]', "en");
  await page.waitFor(() => document.documentElement.lang === "en" && !location.pathname.endsWith("/zh/"), null, { timeout: 20000 });
  await page.back();
  await page.waitFor(() => document.documentElement.lang === "zh-CN" && location.pathname.endsWith("/zh/"), null, { timeout: 20000 });
  assert.deepEqual(await chinese(), [path, "zh-CN", zh["page.title"]]);
  assert.equal(await page.evaluate(() => location.search), "?gamma=3");
  assert.equal(await page.text('[data-readout="gamma-value"]'), "3.0");
  assert.deepEqual(log.errors, []);
  await page.close();
  // A language named in the link wins over the folder's.
  const english = await open(site.browser, `${site.base}zh/?lang=en`);
  await english.page.waitFor(() => document.documentElement.lang === "en", null, { timeout: 20000 });
  assert.equal(await english.page.evaluate(() => location.pathname), new URL(site.base).pathname);
  assert.deepEqual(english.log.errors, []);
  await english.page.close();
});
