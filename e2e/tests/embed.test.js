// Embedding: examples/embed.html, a plain course page, drives an embedded
// figure through the embed API; an embed adds nothing to the course page's
// history; the copied embed code fits its figure and sizes its frame; with
// origin= the embed hears and tells only that origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { servedSite, lacks, root } from "../lib/harness.js";
import { open, settle } from "../lib/browser.js";
import { serve, CSP } from "../lib/server.js";
import { FIGURES } from "../lib/figures.js";

const site = servedSite();
let course = null;
let hosts = null;

// The course: losslab at /course/losslab/ and its example at
// /course/examples/, one origin, both under the strict policy. A folder of
// host pages written by the tests, with no policy of their own.
before(async () => {
  hosts = await mkdtemp(join(tmpdir(), "losslab-hosts-"));
  course = await serve(`${root}dist`, {
    folders: {
      "/course/examples/": { dir: `${root}examples`, csp: CSP },
      "/course/hosts/": { dir: hosts, csp: null },
    },
  });
});
after(async () => {
  course?.server.close();
  await rm(hosts, { recursive: true, force: true });
});

/// The messages the example page lists, parsed.
function messages(page) {
  return page.evaluate(() => [...document.querySelectorAll("#log li")].map((li) => JSON.parse(li.textContent)));
}

async function openExample(url) {
  const { page, log } = await site.browser.open(url, { width: 1000, height: 900, dpr: 1, colorScheme: "light", origins: [course.origin] });
  await page.waitFor(() => !document.querySelector("[data-gamma]").disabled, null, { timeout: 30000 });
  return { page, log };
}

const inFrame = (page, fn, arg) => page.frameEvaluate("#figure", fn, arg);

test("the example course page drives its figure through the API and hears every message", async (t) => {
  const why = lacks(site, "iframes");
  if (why) return t.skip(why);
  const { page, log } = await openExample(`${course.origin}/course/examples/embed.html`);
  const [ready] = await messages(page);
  assert.equal(ready.type, "losslab:ready");
  assert.equal(ready.state.gamma, 2, "the page named its origin: the state comes with every message");
  await page.click('[data-gamma="0"]');
  await page.waitFor(() => document.getElementById("gamma").textContent === "0");
  assert.equal(await inFrame(page, () => document.querySelector('[data-readout="gamma-value"]').textContent), "0.0");
  // Out of range: brought into range, said in the figure and in the answer.
  await page.click('[data-gamma="9"]');
  await page.waitFor(() => document.getElementById("gamma").textContent === "5");
  const change = (await messages(page)).filter((m) => m.type === "losslab:change").at(-1);
  assert.equal(change.state.gamma, 5);
  assert.deepEqual(change.notices, ["gamma = 9 is out of range; using 5."]);
  assert.deepEqual(await inFrame(page, () => [...document.querySelectorAll("#notices li")].map((li) => li.textContent.replace(/\u00a0/g, " "))), ["gamma = 9 is out of range; using 5."]);
  // The question under the figure: the answer goes to the course page.
  await inFrame(page, () => document.querySelector('[data-question="focal-share"] [data-answer="same"]').click());
  await page.waitFor(() => document.getElementById("log").textContent.includes("losslab:answer"));
  const answer = (await messages(page)).find((m) => m.type === "losslab:answer");
  assert.deepEqual(answer, { type: "losslab:answer", question: "focal-share", correct: true });
  // In Chinese, through the same API.
  await page.click('[data-lang="zh"]');
  await page.waitFor(() => document.getElementById("log").textContent.includes('"lang":"zh"'));
  await settle(page);
  const zh = await inFrame(page, () => [document.documentElement.lang, document.querySelector(".question.asked .q-prompt").textContent.replace(/\u00a0/g, " ")]);
  assert.equal(zh[0], "zh-CN");
  assert.match(zh[1], /^γ = 5\.0 时，x = 0\.20 的点/);
  // The frame takes the height the figure reports.
  const sizes = await page.evaluate(() => [document.getElementById("figure").height, [...document.querySelectorAll("#log li")].map((li) => JSON.parse(li.textContent)).filter((m) => m.type === "losslab:resize").at(-1).height]);
  assert.equal(Number(sizes[0]), sizes[1]);
  // The content's bottom in the document, wherever the frame was scrolled to.
  const content = await inFrame(page, () => Math.ceil(document.getElementById("losslab").getBoundingClientRect().bottom + scrollY));
  assert.equal(sizes[1], content);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("moving a slider in an embedded figure adds no step to the course page's history", async (t) => {
  const why = lacks(site, "iframes");
  if (why) return t.skip(why);
  const { page, log } = await openExample(`${course.origin}/course/examples/embed.html`);
  const length = await page.evaluate(() => history.length);
  for (const gamma of [1, 3, 4]) {
    await inFrame(page, (value) => {
      const slider = document.querySelector('[data-control="gamma"]');
      slider.value = String(value);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      slider.dispatchEvent(new Event("change", { bubbles: true }));
    }, gamma);
    await page.waitFor((g) => document.getElementById("gamma").textContent === String(g), gamma);
  }
  assert.equal(await page.evaluate(() => history.length), length, "three moves, no Back step");
  // The address follows a change in place (a few of them in a row are
  // written together, at most every 150 ms).
  const address = await inFrame(page, () => new Promise((resolve) => setTimeout(() => resolve(location.search), 300)));
  assert.match(address, /gamma=4/, "the embed's own address follows");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the copied embed code fits each figure and sizes its frame to what the figure reports", async (t) => {
  const why = lacks(site, "clipboard") ?? lacks(site, "iframes");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, `${course.url}?gamma=3`, { width: 1100 });
  await page.grantClipboard();
  const codes = {};
  for (const figure of FIGURES) {
    await page.click(`[data-figure-name="${figure}"][data-export="embed"]`);
    codes[figure] = await page.clipboardText();
  }
  for (const [figure, code] of Object.entries(codes)) {
    const height = Number(code.match(/ height="(\d+)"/)[1]);
    const src = code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
    // Opened as its frame shows it: the code's width and height (a shorter
    // window would add a scroll bar that narrows the page in some engines).
    const embedded = await open(site.browser, src, { width: 720, height });
    const content = await embedded.page.evaluate(() => Math.ceil(document.getElementById("losslab").getBoundingClientRect().bottom));
    assert.ok(content <= height, `${figure}: the content (${content} px) fits the frame (${height} px)`);
    // Engines set the same text a line apart here and there: the slack is a
    // tenth of the frame (100 px at least).
    assert.ok(height - content <= Math.max(100, height / 10), `${figure}: the frame (${height} px) is not much taller than its content (${content} px)`);
    assert.deepEqual(embedded.log.errors, []);
    await embedded.page.close();
  }
  // A course page made of the copied code alone: the frame takes the reported height.
  const code = codes["focal-curves"];
  assert.match(code, /data-losslab><\/iframe>\n<script>\n/);
  await writeFile(join(hosts, "copied.html"), `<!doctype html><html><head><link rel="icon" href="../losslab/favicon.svg"></head><body style="margin:0">\n${code}\n</body></html>\n`);
  const host = await site.browser.open(`${course.origin}/course/hosts/copied.html`, { width: 720, height: 900, dpr: 1, colorScheme: "light" });
  const given = Number(code.match(/ height="(\d+)"/)[1]);
  await host.page.waitFor((h) => Number(document.querySelector("iframe").height) !== h, given, { timeout: 30000 });
  const [frameHeight, content] = [
    Number(await host.page.evaluate(() => document.querySelector("iframe").height)),
    await host.page.frameEvaluate("iframe", () => Math.ceil(document.getElementById("losslab").getBoundingClientRect().bottom)),
  ];
  assert.equal(frameHeight, content);
  assert.deepEqual([...log.errors, ...host.log.errors], []);
  await host.page.close();
  await page.close();
});

test("with origin= an embed hears only that origin and tells its state to it alone", async (t) => {
  const why = lacks(site, "iframes") ?? lacks(site, "crossOrigin");
  if (why) return t.skip(why);
  // The course page on another origin than losslab's, allowed to frame it.
  const other = await serve(`${root}dist`, {
    folders: { "/course/examples/": { dir: `${root}examples`, csp: `${CSP}; frame-src ${course.origin}` } },
  });
  // Closed however the test ends: an open server would keep the run alive.
  t.after(() => other.server.close());
  const example = `${other.origin}/course/examples/embed.html?losslab=${encodeURIComponent(course.url)}`;
  const { page, log } = await openExample(example);
  await page.click('[data-gamma="0"]');
  await page.waitFor(() => document.getElementById("gamma").textContent === "0");
  // The same frame, naming another origin as its parent: the page's sets
  // are not heard, and messages with state do not reach it.
  await page.evaluate((url) => {
    const frame = document.getElementById("figure");
    const src = new URL(url);
    src.search = "embed=focal-points&api=1&origin=https%3A%2F%2Fcourse.example";
    document.getElementById("log").replaceChildren();
    frame.src = src.href;
  }, course.url);
  await page.waitFor(() => document.getElementById("log").textContent.includes("losslab:resize"), null, { timeout: 30000 });
  await page.evaluate((origin) => document.getElementById("figure").contentWindow.postMessage({ type: "losslab:set", state: { gamma: 1 } }, origin), course.origin);
  await page.wait(500);
  await settle(page);
  assert.equal(await page.frameEvaluate("#figure", () => document.querySelector('[data-readout="gamma-value"]').textContent), "2.0", "not heard");
  const types = (await messages(page)).map((m) => m.type);
  assert.ok(types.every((type) => type === "losslab:resize"), `only the stateless resize reaches this page: ${types}`);
  assert.deepEqual(log.errors, []);
  await page.close();
});
